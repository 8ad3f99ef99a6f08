// Pushes a contract event to our windows only, and only while they show our own page: a window that somehow
// navigated away must not receive the bots' details.
import type { BrowserWindow } from 'electron';
import { channelOf } from '../../contract';
import type { Emit } from '../../core/service/types';
import { isTrustedOrigin } from './trusted-sender';

export function createWindowEmitter(ownWindows: () => readonly BrowserWindow[], trustedOrigins: readonly string[]): Emit {
  return (event, payload) => {
    for (const window of ownWindows()) {
      if (window.isDestroyed()) continue;
      const contents = window.webContents;
      if (!isTrustedOrigin(contents.getURL(), trustedOrigins)) continue;
      contents.send(channelOf(event), payload);
    }
  };
}
