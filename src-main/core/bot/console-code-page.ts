// The code page Windows consoles use on this PC (857 on a Turkish one, 720 on an Arabic one): what cmd.exe and
// older programs write when their output is not UTF-8. Asked once, from cmd.exe's own `chcp`.
import { systemProgramPath } from '../system-programs';
import { execText } from './exec-text';
import { codePageEncoding, parseChcp } from './output-decoder';

let asked: Promise<string | null> | undefined;

/** The iconv-lite name of the console code page; null off Windows, or when it is UTF-8 or cannot be told. */
export function consoleEncoding(platform: NodeJS.Platform = process.platform): Promise<string | null> {
  if (platform !== 'win32') return Promise.resolve(null);
  asked ??= execText(systemProgramPath('cmd'), ['/d', '/c', 'chcp'])
    .then((result) => {
      const codePage = parseChcp(result.stdout);
      return codePage === null ? null : codePageEncoding(codePage);
    })
    .catch(() => null);
  return asked;
}
