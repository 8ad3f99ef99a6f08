import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { calls, channelOf, type CallName } from '../../../src-main/contract';
import { registerDoctorCalls } from '../../../src-main/electron/ipc/register-calls';
import { createWindowEmitter } from '../../../src-main/electron/ipc/send-event';
import { isTrustedSender, originOf, type TrustedSenderRules } from '../../../src-main/electron/ipc/trusted-sender';
import { createFakeElectron } from './fake-electron';
import { botView, fakeService } from './fake-service';

function setup() {
  const { fake } = createFakeElectron();
  const ours = new fake.BrowserWindow({});
  ours.webContents.url = 'app://doctor/index.html';
  const foreign = new fake.BrowserWindow({});
  foreign.webContents.url = 'app://doctor/index.html';
  const rules: TrustedSenderRules = {
    ownWindows: () => [ours as unknown as BrowserWindow],
    windowOf: (contents) => fake.BrowserWindow.fromWebContents(contents) as unknown as BrowserWindow | null,
    trustedOrigins: ['app://doctor'],
  };
  const eventFrom = (window: { webContents: unknown }, frameUrl: string | null) =>
    ({
      sender: window.webContents as WebContents,
      senderFrame: frameUrl === null ? null : { url: frameUrl },
    }) as unknown as IpcMainInvokeEvent;
  return { fake, ours, foreign, rules, eventFrom };
}

describe('the sender check', () => {
  it('accepts our window showing our page', () => {
    const { ours, rules, eventFrom } = setup();
    expect(isTrustedSender(eventFrom(ours, 'app://doctor/index.html'), rules)).toBe(true);
    expect(isTrustedSender(eventFrom(ours, 'app://doctor/index.html#/wizard/shop-bot'), rules)).toBe(true);
  });

  it('refuses a window that is not ours, even on our origin', () => {
    const { foreign, rules, eventFrom } = setup();
    expect(isTrustedSender(eventFrom(foreign, 'app://doctor/index.html'), rules)).toBe(false);
  });

  it('refuses web contents that belong to no window at all', () => {
    const { rules } = setup();
    const orphan = { sender: {}, senderFrame: { url: 'app://doctor/index.html' } } as unknown as IpcMainInvokeEvent;
    expect(isTrustedSender(orphan, rules)).toBe(false);
  });

  it.each([
    'https://evil.io/',
    'http://localhost:5173/',
    'app://evil/index.html',
    'app://doctor.evil.io/index.html',
    'file:///app/out/renderer/index.html',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('refuses our window when its frame shows %s', (url) => {
    const { ours, rules, eventFrom } = setup();
    expect(isTrustedSender(eventFrom(ours, url), rules)).toBe(false);
  });

  it('refuses a destroyed or navigated-away frame', () => {
    const { ours, rules, eventFrom } = setup();
    expect(isTrustedSender(eventFrom(ours, null), rules)).toBe(false);
  });

  it('reads custom-scheme origins that Node reports as "null"', () => {
    expect(new URL('app://doctor/x').origin).toBe('null');
    expect(originOf('app://doctor/x')).toBe('app://doctor');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('file:///x')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('the IPC wrapper', () => {
  function registered(trusted: boolean) {
    const { fake, electron } = createFakeElectron();
    const service = fakeService({ removeBot: async () => [botView()] });
    const log: string[] = [];
    registerDoctorCalls(electron.ipcMain, service, () => trusted, (line) => log.push(line));
    const invoke = (name: CallName, input: unknown) => {
      const handler = fake.ipcMain.handlers.get(channelOf(name));
      if (!handler) throw new Error(`no handler for ${name}`);
      return handler({}, input);
    };
    return { fake, service, log, invoke };
  }

  it('registers exactly one handler per contract call, on its channel', () => {
    const { fake } = registered(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual((Object.keys(calls) as CallName[]).map((name) => channelOf(name)).sort());
  });

  it('runs a valid call from a trusted sender and wraps the result', async () => {
    const { service, invoke } = registered(true);
    await expect(invoke('removeBot', { id: 'shop-bot' })).resolves.toEqual({ ok: true, value: [botView()] });
    expect(service.removeBot).toHaveBeenCalledWith({ id: 'shop-bot' });
  });

  it.each([
    ['a wrong type', { id: 42 }],
    ['a path in an id', { id: '../../etc' }],
    ['no input at all', undefined],
    ['a string instead of an object', 'shop-bot'],
  ])('never lets invalid input (%s) reach the service', async (_what, input) => {
    const { service, invoke } = registered(true);
    const answer = await invoke('removeBot', input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(service.removeBot).not.toHaveBeenCalled();
  });

  it('logs a rejected input by where it was wrong and the rule it broke, never by its value', async () => {
    const { fake, electron } = createFakeElectron();
    const service = fakeService({});
    const log: string[] = [];
    registerDoctorCalls(electron.ipcMain, service, () => true, (line) => log.push(line));
    // An app secret with one character too many of the wrong kind: no shape redaction would recognise.
    const secret = 'f0a1b2c3d4e5f6 0718293a4b5c6d7e8f';
    const answer = await fake.ipcMain.handlers.get(channelOf('setAppCredentials'))?.({}, { appId: 'my app 1234', appSecret: secret });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(log).toEqual(['rejected setAppCredentials: invalid input (appId: regex; appSecret: regex)']);
    expect(log.join('\n')).not.toContain(secret);
    expect(log.join('\n')).not.toContain('my app');

    log.length = 0;
    await fake.ipcMain.handlers.get(channelOf('setAppCredentials'))?.({}, 'a whole secret as a string');
    expect(log).toEqual(['rejected setAppCredentials: invalid input ((the input): object)']);
  });

  it('refuses an untrusted sender before looking at its input', async () => {
    const { service, log, invoke } = registered(false);
    const answer = await invoke('removeBot', { id: 'shop-bot' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(service.removeBot).not.toHaveBeenCalled();
    expect(log.join('\n')).toContain('refused removeBot');
  });

  it('never sends a token back in an error', async () => {
    const { fake, electron } = createFakeElectron();
    const token = `EAAQ${'x'.repeat(120)}`;
    const service = fakeService({
      checkTokenShape: async () => {
        throw new Error(`bad token ${token}`);
      },
    });
    const log: string[] = [];
    registerDoctorCalls(electron.ipcMain, service, () => true, (line) => log.push(line));
    const answer = await fake.ipcMain.handlers.get(channelOf('checkTokenShape'))?.({}, { token });
    expect(JSON.stringify(answer)).not.toContain(token);
    expect(log.join('\n')).not.toContain(token);
  });
});

describe('events', () => {
  it('go to our windows showing our page, and nowhere else', () => {
    const { fake } = createFakeElectron();
    const ours = new fake.BrowserWindow({});
    ours.webContents.url = 'app://doctor/index.html';
    const navigatedAway = new fake.BrowserWindow({});
    navigatedAway.webContents.url = 'https://evil.io/';
    const destroyed = new fake.BrowserWindow({});
    destroyed.webContents.url = 'app://doctor/index.html';
    destroyed.destroyed = true;
    const stranger = new fake.BrowserWindow({});
    stranger.webContents.url = 'app://doctor/index.html';

    const emit = createWindowEmitter(() => [ours, navigatedAway, destroyed] as unknown as BrowserWindow[], ['app://doctor']);
    emit('openWizard', { botId: 'shop-bot' });

    expect(ours.webContents.sent).toEqual([{ channel: 'doctor:openWizard', payload: { botId: 'shop-bot' } }]);
    expect(navigatedAway.webContents.sent).toEqual([]);
    expect(destroyed.webContents.sent).toEqual([]);
    expect(stranger.webContents.sent).toEqual([]);
  });
});
