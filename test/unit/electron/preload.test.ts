import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, DoctorCallError, type DoctorApi } from '../../../src-main/contract';
import { bridgeSafeFailure, createIpcTransport, exposeDoctorApi } from '../../../src-main/electron/ipc/preload-bridge';

/** ipcRenderer as the preload sees it: invoke answers from a table, `on` listeners get (event, payload). */
function fakeIpcRenderer(answers: Record<string, unknown> = {}) {
  const emitter = new EventEmitter();
  const invoked: { channel: string; input: unknown }[] = [];
  return {
    invoked,
    emitter,
    invoke: vi.fn(async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return answers[channel] ?? { ok: true, value: null };
    }),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      emitter.on(channel, listener);
      return emitter;
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      emitter.removeListener(channel, listener);
      return emitter;
    }),
    /** main sends an event: Electron calls the listener with the IPC event object first. */
    send(channel: string, payload: unknown) {
      emitter.emit(channel, { sender: 'the ipcRenderer itself', ports: [] }, payload);
    },
  };
}

function exposed(ipcRenderer = fakeIpcRenderer()) {
  const world: Record<string, unknown> = {};
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => void (world[key] = api)) };
  exposeDoctorApi(contextBridge, ipcRenderer as never);
  return { world, contextBridge, ipcRenderer, doctor: world.doctor as DoctorApi & Record<string, unknown> };
}

describe('window.doctor', () => {
  it('is the only thing exposed, and only under that name', () => {
    const { world, contextBridge } = exposed();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(world)).toEqual(['doctor']);
  });

  it('holds one named function per contract call plus `on`: no ipcRenderer, no invoke, no send', () => {
    const { doctor } = exposed();
    expect(Object.keys(doctor).sort()).toEqual([...Object.keys(calls), 'on'].sort());
    for (const value of Object.values(doctor)) expect(typeof value).toBe('function');
    for (const leak of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'postMessage', 'removeAllListeners']) {
      expect(doctor).not.toHaveProperty(leak);
    }
  });

  it('sends a call on its channel and unwraps the answer', async () => {
    const ipcRenderer = fakeIpcRenderer({ 'doctor:diagnoseBot': { ok: true, value: { id: 'shop-bot' } } });
    const { doctor } = exposed(ipcRenderer);
    await expect(doctor.diagnoseBot({ id: 'shop-bot' })).resolves.toEqual({ id: 'shop-bot' });
    expect(ipcRenderer.invoked).toEqual([{ channel: 'doctor:diagnoseBot', input: { id: 'shop-bot' } }]);
  });

  it('rejects with a plain object carrying the code and sentence, which survives contextBridge (an Error would not)', async () => {
    const failure = { ok: false, error: { code: 'invalid_input', message: { key: 'common:errors.invalidInput' } } };
    const { doctor } = exposed(fakeIpcRenderer({ 'doctor:listBots': failure }));
    const error = await doctor.listBots().catch((caught: unknown) => caught);
    expect(error).toEqual({
      name: 'DoctorCallError',
      message: 'invalid_input',
      code: 'invalid_input',
      userMessage: { key: 'common:errors.invalidInput' },
    });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
    expect(structuredClone(error)).toEqual(error);
  });

  it('passes any other failure through as it is', async () => {
    const ipcRenderer = fakeIpcRenderer();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    const { doctor } = exposed(ipcRenderer);
    await expect(doctor.listBots()).rejects.toThrow('No handler registered');
    expect(bridgeSafeFailure('odd')).toBe('odd');
    const callError = new DoctorCallError('internal', { key: 'common:errors.internal' });
    expect(bridgeSafeFailure(callError)).toMatchObject({ code: 'internal', userMessage: { key: 'common:errors.internal' } });
  });

  it('gives listeners the payload only, never the IPC event', () => {
    const ipcRenderer = fakeIpcRenderer();
    const { doctor } = exposed(ipcRenderer);
    const heard: unknown[][] = [];
    doctor.on('openWizard', (...args: unknown[]) => void heard.push(args));
    ipcRenderer.send('doctor:openWizard', { botId: 'shop-bot' });
    expect(heard).toEqual([[{ botId: 'shop-bot' }]]);
  });

  it('stops a listener when its unsubscribe function is called', () => {
    const ipcRenderer = fakeIpcRenderer();
    const { doctor } = exposed(ipcRenderer);
    const heard: unknown[] = [];
    const stop = doctor.on('botsChanged', (bots) => void heard.push(bots));
    ipcRenderer.send('doctor:botsChanged', []);
    stop();
    ipcRenderer.send('doctor:botsChanged', []);
    expect(heard).toHaveLength(1);
    expect(ipcRenderer.emitter.listenerCount('doctor:botsChanged')).toBe(0);
  });

  it('refuses to listen on a channel that is not a contract event', () => {
    const transport = createIpcTransport(fakeIpcRenderer() as never);
    expect(() => transport.subscribe('ipc-internal' as never, () => {})).toThrow(TypeError);
  });
});

describe('the preload entry', () => {
  const exposedWorld: Record<string, unknown> = {};
  beforeEach(() => {
    vi.resetModules();
    for (const key of Object.keys(exposedWorld)) delete exposedWorld[key];
  });

  it('exposes window.doctor from the real electron module it imports', async () => {
    const ipcRenderer = fakeIpcRenderer();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposedWorld[key] = api) },
      ipcRenderer,
    }));
    await import('../../../src-main/electron/preload');
    vi.doUnmock('electron');
    expect(Object.keys(exposedWorld)).toEqual(['doctor']);
    expect(Object.keys(exposedWorld.doctor as object)).toContain('diagnoseBot');
  });
});
