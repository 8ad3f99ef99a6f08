// Which icon file shows a tray state on each OS: template images on macOS (the menu bar tints them), .ico on
// Windows (several sizes in one file), PNG elsewhere. The files are drawn in assets/tray/.
import { join } from 'node:path';
import type { NativeImage, nativeImage as NativeImageModule } from 'electron';
import type { Health } from '../../core/monitor';

export function trayIconFile(assetsDir: string, state: Health, platform: NodeJS.Platform): string {
  const name = platform === 'darwin' ? `${state}Template.png` : platform === 'win32' ? `${state}.ico` : `${state}.png`;
  return join(assetsDir, 'tray', name);
}

export function loadTrayIcon(
  nativeImage: Pick<typeof NativeImageModule, 'createFromPath'>,
  assetsDir: string,
  state: Health,
  platform: NodeJS.Platform,
): NativeImage {
  // createFromPath picks up the @2x sibling by itself on high-density screens.
  const image = nativeImage.createFromPath(trayIconFile(assetsDir, state, platform));
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}
