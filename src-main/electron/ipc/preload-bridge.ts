// The renderer side of the bridge: a Transport over ipcRenderer, turned into `window.doctor` by the contract's
// makeDoctorApi. Only named functions cross into the page; listeners get the payload, never the IPC event
// (which would hand the page `event.sender`, i.e. ipcRenderer itself).
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { calls, channelOf, DoctorCallError, makeDoctorApi, type CallName, type DoctorApi, type EventName, type Transport } from '../../contract';

/** Every event the page may listen to; typed as a record so a new event in the contract cannot be forgotten. */
const EVENT_NAMES: Record<EventName, true> = {
  botsChanged: true,
  applyProgress: true,
  openWizard: true,
  openSettings: true,
  settingsChanged: true,
};

function isEventName(name: string): name is EventName {
  return Object.hasOwn(EVENT_NAMES, name);
}

export function createIpcTransport(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    invoke: (name, input) => ipcRenderer.invoke(channelOf(name), input),
    subscribe(event, listener) {
      if (!isEventName(event)) throw new TypeError(`unknown event: ${String(event)}`);
      const channel = channelOf(event);
      const forwardPayload = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forwardPayload);
      return () => {
        ipcRenderer.removeListener(channel, forwardPayload);
      };
    },
  };
}

/**
 * contextBridge rebuilds an Error on the page's side from its message alone, so a DoctorCallError would
 * arrive without its code and sentence. A plain object crosses whole: failures cross as one, in the shape
 * the renderer recognises (`code`, `userMessage`).
 */
export function bridgeSafeFailure(error: unknown): unknown {
  if (!(error instanceof DoctorCallError)) return error;
  return { name: error.name, message: error.message, code: error.code, userMessage: error.userMessage };
}

/** makeDoctorApi's functions, each rejecting with a bridge-safe failure; `on` unchanged. */
export function bridgeSafeApi(api: DoctorApi): DoctorApi {
  const safe: Record<string, unknown> = { on: api.on };
  for (const name of Object.keys(calls) as CallName[]) {
    const call = api[name] as (input?: unknown) => Promise<unknown>;
    safe[name] = (input?: unknown) =>
      call(input).catch((error: unknown) => {
        throw bridgeSafeFailure(error);
      });
  }
  return safe as DoctorApi;
}

export function exposeDoctorApi(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): void {
  contextBridge.exposeInMainWorld('doctor', bridgeSafeApi(makeDoctorApi(createIpcTransport(ipcRenderer))));
}
