// Just enough PNG and ICO reading to check the committed icons in CI, where ImageMagick may be missing.
import { inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row, straight (not premultiplied) alpha. */
  pixels: Uint8Array;
}

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(file: Buffer): Chunk[] {
  if (file.length < 8 || !file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (bad signature)');
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > file.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    out.push({ type, data: file.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return out;
}

export function readPngHeader(file: Buffer): PngHeader {
  const first = chunks(file)[0];
  if (first?.type !== 'IHDR' || first.data.length !== 13) throw new Error('PNG does not start with IHDR');
  const d = first.data;
  return { width: d.readUInt32BE(0), height: d.readUInt32BE(4), bitDepth: d[8]!, colorType: d[9]!, interlace: d[12]! };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit, non-interlaced PNG of any colour type into RGBA. */
export function decodePng(file: Buffer): RgbaImage {
  const header = readPngHeader(file);
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined || bitDepth !== 8 || interlace !== 0) {
    throw new Error(`unsupported PNG: colour type ${colorType}, bit depth ${bitDepth}, interlace ${interlace}`);
  }
  const all = chunks(file);
  const palette = all.find((c) => c.type === 'PLTE')?.data;
  const transparency = all.find((c) => c.type === 'tRNS')?.data;
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error('PNG image data has the wrong length');

  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[dst + x - channels]! : 0;
      const b = y > 0 ? rows[dst - stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[dst - stride + x - channels]! : 0;
      const v = raw[src + x]!;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predicted === undefined) throw new Error(`bad PNG filter type ${filter}`);
      rows[dst + x] = (v + predicted) & 0xff;
    }
  }

  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    let rgba: [number, number, number, number];
    switch (colorType) {
      case 0:
        rgba = [rows[s]!, rows[s]!, rows[s]!, 255];
        break;
      case 2:
        rgba = [rows[s]!, rows[s + 1]!, rows[s + 2]!, 255];
        break;
      case 3: {
        const index = rows[s]!;
        if (!palette) throw new Error('palette PNG without PLTE');
        rgba = [palette[index * 3]!, palette[index * 3 + 1]!, palette[index * 3 + 2]!, transparency?.[index] ?? 255];
        break;
      }
      case 4:
        rgba = [rows[s]!, rows[s]!, rows[s]!, rows[s + 1]!];
        break;
      default:
        rgba = [rows[s]!, rows[s + 1]!, rows[s + 2]!, rows[s + 3]!];
    }
    pixels.set(rgba, i * 4);
  }
  return { width, height, pixels };
}

export interface IcoEntry {
  width: number;
  height: number;
  bitsPerPixel: number;
  /** 'png' for PNG-compressed entries, 'bmp' for the classic DIB form. */
  encoding: 'png' | 'bmp';
}

/** Reads the ICONDIR of a .ico file and checks that every entry's data lies inside the file. */
export function readIcoDirectory(file: Buffer): IcoEntry[] {
  if (file.length < 6 || file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = file.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 16;
    if (at + 16 > file.length) throw new Error('ICO directory runs past the end of the file');
    const size = file.readUInt32LE(at + 8);
    const offset = file.readUInt32LE(at + 12);
    if (offset + size > file.length || size === 0) throw new Error(`ICO entry ${i} points outside the file`);
    const data = file.subarray(offset, offset + size);
    const encoding = data.subarray(0, 8).equals(PNG_SIGNATURE) ? 'png' : 'bmp';
    if (encoding === 'bmp' && data.readUInt32LE(0) !== 40) throw new Error(`ICO entry ${i} is neither PNG nor a DIB`);
    entries.push({
      width: file[at] === 0 ? 256 : file[at]!,
      height: file[at + 1] === 0 ? 256 : file[at + 1]!,
      bitsPerPixel: file.readUInt16LE(at + 6),
      encoding,
    });
  }
  return entries;
}
