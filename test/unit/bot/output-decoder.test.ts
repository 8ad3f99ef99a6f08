// Command output read in the encoding the program really wrote, on captured-format Windows output (cmd.exe in
// code page 857, nssm in UTF-16): a Turkish letter split across two chunks must never become ��.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crashHint } from '../../../src-main/core/bot/log-scan';
import { codePageEncoding, OutputDecoder, parseChcp } from '../../../src-main/core/bot/output-decoder';

const captured = (name: string) => readFileSync(new URL(`../../fixtures/captured/windows/${name}`, import.meta.url));

/** Feeds `bytes` in chunks of `size` bytes, as a pipe might deliver them. */
function decodeInChunks(bytes: Buffer, size: number, legacy: string | null): string {
  const decoder = new OutputDecoder(legacy);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size));
  return text + decoder.end();
}

describe('OutputDecoder', () => {
  it('keeps UTF-8 whole when a character is split between chunks', () => {
    const bytes = Buffer.from('Şükrü 👋 تم\n', 'utf8');
    for (const size of [1, 2, 3, 5]) expect(decodeInChunks(bytes, size, 'cp857')).toBe('Şükrü 👋 تم\n');
  });

  it("reads cmd.exe's own Turkish message in the console code page (captured-format, cp857)", () => {
    const text = decodeInChunks(captured('cmd-not-recognized-tr.cp857.bin'), 7, 'cp857');
    expect(text).toBe("'python' iç veya dış komut, çalıştırılabilir\r\nprogram veya toplu iş dosyası olarak tanınmıyor.\r\n");
    expect(crashHint(text, { code: 1, signal: null })).toEqual({ key: 'bot:health.hint.commandNotFound' });
  });

  it('decodes line by line, so UTF-8 from the bot and code-page text from cmd.exe can share one stream', () => {
    const mixed = Buffer.concat([Buffer.from('Şükrü başladı\n', 'utf8'), captured('cmd-cd-turkish-folder.cp857.bin')]);
    expect(decodeInChunks(mixed, 4, 'cp857')).toBe('Şükrü başladı\nC:\\Users\\Şükrü\\Desktop\\tevkil_proje\r\n');
  });

  it("recognises nssm's UTF-16 (captured-format) without a byte-order mark", () => {
    expect(decodeInChunks(captured('nssm-restart-utf16le.bin'), 3, 'cp857')).toBe(
      'tevkil-bot: STOP: Hizmet durduruldu.\r\ntevkil-bot: START: İşlem başarıyla tamamlandı.\r\n',
    );
    expect(decodeInChunks(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('OK\r\n', 'utf16le')]), 1, null)).toBe('OK\r\n');
  });

  it('off Windows, or with a UTF-8 console, anything invalid becomes the replacement character, never an exception', () => {
    expect(decodeInChunks(Buffer.from([0x61, 0x9e, 0x0a]), 1, null)).toBe('a\uFFFD\n');
  });
});

describe('the console code page', () => {
  it("reads chcp's answer in any language and names the decoder for it", () => {
    expect(parseChcp('Active code page: 857\r\n')).toBe(857);
    expect(parseChcp('Etkin kod sayfası: 857\r\n')).toBe(857);
    expect(parseChcp('Active code page: 65001.')).toBe(65001);
    expect(codePageEncoding(857)).toBe('cp857');
    expect(codePageEncoding(720)).toBe('cp720');
    expect(codePageEncoding(1254)).toBe('windows1254');
    expect(codePageEncoding(65001)).toBeNull();
  });
});

describe("Windows' own messages in a crashed bot's output (captured-format)", () => {
  it('knows a taken port by its error number in any language (WinError 10048)', () => {
    expect(crashHint(captured('python-port-in-use-tr.txt').toString('utf8'), { code: 1, signal: null })).toEqual({ key: 'bot:health.hint.portInUse' });
  });

  it("knows the Microsoft Store's python stub and PowerShell's own not-found message", () => {
    const stub = 'Python was not found; run without arguments to install from the Microsoft Store, or disable this shortcut from Settings > Manage App Execution Aliases.';
    expect(crashHint(stub, { code: 9009, signal: null })).toEqual({ key: 'bot:health.hint.commandNotFound' });
    const powershell = "python : 'python' terimi bir cmdlet, işlev, betik dosyası veya çalıştırılabilir program adı olarak tanınmıyor.";
    expect(crashHint(powershell, { code: 1, signal: null })).toEqual({ key: 'bot:health.hint.commandNotFound' });
  });
});
