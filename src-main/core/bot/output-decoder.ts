// Turns what a command printed into text in the encoding the program really wrote. On Windows that is not
// always UTF-8: cmd.exe speaks the console's code page (857 on a Turkish PC: `'python' iç veya dış komut…`),
// nssm and some PowerShell hosts write UTF-16. Decoding chunk by chunk as UTF-8 turned `Şükrü` into `��ükrü`,
// so bytes are decoded a whole line at a time: UTF-8 when the line is valid UTF-8, else the code page.
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';

const NEWLINE = 0x0a;
/** A line longer than this is decoded as it stands (a program that never ends its line). */
const MAX_LINE_BYTES = 64 * 1024;

export class OutputDecoder {
  private pending = Buffer.alloc(0);
  private utf16: TextDecoder | null = null;
  private sniffed = false;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  /** `legacyEncoding`: what a line that is not UTF-8 is read as (an iconv-lite name such as `cp857`); null: UTF-8 regardless. */
  constructor(private readonly legacyEncoding: string | null) {}

  /** The text of the complete lines in `chunk` (and before it); a partial last line waits for the next chunk. */
  write(chunk: Buffer): string {
    this.pending = Buffer.concat([this.pending, chunk]);
    if (!this.sniffed) {
      // UTF-16 shows itself at once: a byte-order mark, or ASCII text with a zero byte after every letter.
      if (this.pending.length < 4) return '';
      this.sniffed = true;
      if (looksLikeUtf16le(this.pending)) this.utf16 = new TextDecoder('utf-16le');
    }
    if (this.utf16) {
      const text = this.utf16.decode(this.pending, { stream: true });
      this.pending = Buffer.alloc(0);
      return text;
    }
    const end = this.pending.lastIndexOf(NEWLINE) + 1;
    const cut = end > 0 ? end : this.pending.length > MAX_LINE_BYTES ? this.pending.length : 0;
    const complete = this.pending.subarray(0, cut);
    this.pending = this.pending.subarray(cut);
    return this.decodeLines(complete);
  }

  /** Whatever is left once the program has finished. */
  end(): string {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    if (!this.sniffed && looksLikeUtf16le(rest)) return new TextDecoder('utf-16le').decode(rest);
    if (this.utf16) return this.utf16.decode(rest);
    return this.decodeLines(rest);
  }

  private decodeLines(bytes: Buffer): string {
    let text = '';
    let start = 0;
    while (start < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, start);
      const stop = newline < 0 ? bytes.length : newline + 1;
      text += this.decodeLine(bytes.subarray(start, stop));
      start = stop;
    }
    return text;
  }

  private decodeLine(line: Buffer): string {
    try {
      return this.utf8.decode(line);
    } catch {
      if (this.legacyEncoding && iconv.encodingExists(this.legacyEncoding)) return iconv.decode(line, this.legacyEncoding);
      return new TextDecoder('utf-8').decode(line);
    }
  }
}

function looksLikeUtf16le(bytes: Buffer): boolean {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  // Two ASCII characters in a row, each followed by a zero byte: no UTF-8 or code-page text looks like that.
  return bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0]! >= 0x09 && bytes[2]! >= 0x09;
}

/** The iconv-lite name for a Windows code page number (`chcp`'s answer): 857 → cp857, 1254 → windows1254. */
export function codePageEncoding(codePage: number): string | null {
  if (codePage === 65001) return null;
  const name = codePage >= 1250 && codePage <= 1258 ? `windows${String(codePage)}` : `cp${String(codePage)}`;
  return iconv.encodingExists(name) ? name : null;
}

/** Reads the code page number from `chcp`'s answer in any language (`Active code page: 857`, `Etkin kod sayfası: 857`). */
export function parseChcp(output: string): number | null {
  const match = /(\d{3,5})\D*$/.exec(output.trim());
  return match ? Number(match[1]) : null;
}
