// Who may call main: one of our windows, whose frame shows one of our pages. A foreign window, a frame that
// navigated elsewhere or a destroyed frame is refused before its input is even looked at.
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';

export interface TrustedSenderRules {
  /** Our windows (today: the main window, when it exists). */
  ownWindows(): readonly BrowserWindow[];
  /** `BrowserWindow.fromWebContents`. */
  windowOf(contents: WebContents): BrowserWindow | null;
  /** `scheme://host` of our pages: app://doctor, plus the dev server in development. */
  trustedOrigins: readonly string[];
}

/**
 * `scheme://host[:port]` of a URL. Node's `URL.origin` is "null" for custom schemes such as app://, so the
 * origin is rebuilt from its parts; a URL that does not parse has none.
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host === '' ? null : `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

export function isTrustedOrigin(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, rules: TrustedSenderRules): boolean {
  const window = rules.windowOf(event.sender);
  if (window === null || !rules.ownWindows().includes(window)) return false;
  const frame = event.senderFrame;
  return frame !== null && isTrustedOrigin(frame.url, rules.trustedOrigins);
}
