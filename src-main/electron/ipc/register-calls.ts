// The one place main answers the renderer: a handler per contract call that checks the sender and then hands
// the raw input to dispatchCall (validation + envelope). A handler cannot forget either step.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { calls, channelOf, type CallName, type Envelope } from '../../contract';
import { dispatchCall } from '../../core/service/dispatch';
import type { DoctorService } from '../../core/service/types';

const REFUSED: Envelope<never> = {
  ok: false,
  error: { code: 'untrusted_sender', message: { key: 'common:errors.internal' } },
};

export function registerDoctorCalls(
  ipcMain: Pick<IpcMain, 'handle'>,
  service: DoctorService,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  log: (line: string) => void,
): void {
  for (const name of Object.keys(calls) as CallName[]) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      if (!isTrusted(event)) {
        log(`refused ${name}: the sender is not one of our pages`);
        return REFUSED;
      }
      return dispatchCall(service, name, input, log);
    });
  }
}
