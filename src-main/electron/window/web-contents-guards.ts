// Locks every web page the app ever creates: no new windows, no navigation away, no <webview>. Installed on
// app "web-contents-created" so a page the window code forgot about is still covered.
import type { App, WebContents } from 'electron';

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

export function guardWebContents(contents: GuardedContents): void {
  // Links that should open a browser go through the openMetaPage call, which checks the allowlist.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The renderer is a single page: any navigation is either a bug or an attack.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
