// The only way the shell opens a browser: an https URL whose host is exactly one of Meta's pages we link to.
// The core builds these URLs already; this second check means a bug or a hostile page cannot open anything else.
import type { Shell } from 'electron';
import { DoctorError } from '../../core/errors';

export const ALLOWED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'developers.facebook.com',
  'business.facebook.com',
  'www.facebook.com',
  // Meta's status page, for "is it Meta or is it us?"
  'metastatus.com',
]);

/** https, no credentials, no custom port, and a host that is on the list exactly (no suffix or look-alike). */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    ALLOWED_EXTERNAL_HOSTS.has(url.hostname)
  );
}

/** Opens `url` in the default browser, or refuses with an error when it is not on the allowlist. */
export async function openAllowedExternalUrl(shell: Pick<Shell, 'openExternal'>, url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) {
    throw new DoctorError('url_not_allowed', { key: 'common:errors.internal' }, 'refused to open a URL outside the allowlist');
  }
  await shell.openExternal(url);
}
