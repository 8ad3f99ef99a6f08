// The renderer needs no browser permission (camera, notifications, clipboard-read, geolocation, HID…): every
// request and every check is denied, so a compromised page cannot ask the owner for anything.
import type { Session } from 'electron';

export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
