// Where the window's page comes from, and therefore which origins IPC trusts: app://doctor in the packaged
// app; during `electron-vite dev` also the local Vite server, and only when it is on this machine.
import { APP_ENTRY_URL, APP_ORIGIN } from '../security/app-protocol';

export interface RendererLocation {
  entryUrl: string;
  trustedOrigins: readonly string[];
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function loopbackDevServer(raw: string | undefined): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** `devServerUrl` is electron-vite's ELECTRON_RENDERER_URL; the packaged app ignores it whatever it says. */
export function rendererLocation(isPackaged: boolean, devServerUrl: string | undefined): RendererLocation {
  const devServer = isPackaged ? null : loopbackDevServer(devServerUrl);
  if (devServer === null) return { entryUrl: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN] };
  return { entryUrl: devServer.href, trustedOrigins: [APP_ORIGIN, devServer.origin] };
}
