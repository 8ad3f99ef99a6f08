// The bot form's "Run the command in: Command Prompt / Windows PowerShell": shown only on Windows, proposed from
// the owner's habits or the command's own syntax, kept once the owner picks, and sent to main with the bot.
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BotDetection } from '../../src-main/contract';
import { shellOfSyntax } from '../../src-renderer/bot-form/shell-choice';
import { makeBot, sampleDetection } from './fake-data';
import { renderApp } from './render-app';

const SEED_GUIDE_RESTART = 'Get-Process python | Stop-Process -Force; python run_flask.py';
const windows = { appInfo: { platform: 'win32' } };

function detectionProposing(shell: BotDetection['shell']) {
  return (folder: string): BotDetection => ({ ...sampleDetection(folder), shell });
}

async function reachReview(options: Parameters<typeof renderApp>[0]) {
  const app = renderApp(options);
  fireEvent.click(await screen.findByRole('button', { name: app.t('onboarding:welcome.start') }));
  fireEvent.click(await screen.findByRole('button', { name: app.t('common:actions.next') }));
  fireEvent.click(await screen.findByRole('button', { name: app.t('onboarding:connect.choose') }));
  await screen.findByRole('heading', { name: app.t('onboarding:review.title') });
  return app;
}

/** The review's full form, where the run fields are. */
async function openReview(options: Parameters<typeof renderApp>[0]) {
  const app = await reachReview(options);
  fireEvent.click(screen.getByRole('button', { name: app.t('onboarding:review.advanced') }));
  return app;
}

const shellRadio = (t: (key: string) => string, shell: 'cmd' | 'powershell') =>
  screen.getByRole('radio', { name: t(`onboarding:form.shell.option.${shell}`) }) as HTMLInputElement;

async function connectedRun(app: Awaited<ReturnType<typeof openReview>>): Promise<unknown> {
  fireEvent.click(screen.getByRole('button', { name: app.t('onboarding:review.connect') }));
  await screen.findByRole('article', { name: 'Tevkil Proje' });
  return (app.fake.callsTo('connectBot') as Array<{ run: unknown }>)[0]?.run;
}

describe('the shell choice in the bot form (Windows only)', () => {
  it('proposes PowerShell to an owner who used it in the folder, says why, and connects the bot with it', async () => {
    const app = await openReview({ ...windows, detection: detectionProposing({ shell: 'powershell', reason: { key: 'bot:shell.reason.history' } }) });
    expect(screen.getByRole('group', { name: app.t('onboarding:form.shell.legend') })).toBeTruthy();
    expect(shellRadio(app.t, 'powershell').checked).toBe(true);
    expect(screen.getByText(app.t('bot:shell.reason.history'))).toBeTruthy();
    expect(await connectedRun(app)).toEqual({ mode: 'managed', command: 'python run_flask.py', cwd: '/home/ayse/bots/tevkil_proje', healthUrl: null, shell: 'powershell' });
  });

  it('says in the short summary that the start command will run in PowerShell, so nobody connects it unawares', async () => {
    const powershell = { ...windows, detection: detectionProposing({ shell: 'powershell', reason: { key: 'bot:shell.reason.history' } }) };
    let app = await reachReview(powershell);
    expect(document.querySelector('dl.found')?.textContent).toContain(`python run_flask.py ${app.t('onboarding:review.found.inPowerShell')}`);
    expect(await connectedRun(app)).toMatchObject({ mode: 'managed', shell: 'powershell' });
    app.unmount();
    app = await reachReview(windows);
    expect(document.querySelector('dl.found')?.textContent).not.toContain(app.t('onboarding:review.found.inPowerShell'));
  });

  it("switches to PowerShell for a restart command written for it, like the seed guide's, until the owner picks", async () => {
    const app = await openReview(windows);
    expect(shellRadio(app.t, 'cmd').checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: app.t('onboarding:form.run.custom') }));
    fireEvent.change(screen.getByLabelText(app.t('onboarding:form.run.customField')), { target: { value: SEED_GUIDE_RESTART } });
    expect(shellRadio(app.t, 'powershell').checked).toBe(true);
    expect(screen.getByText(app.t('onboarding:form.shell.syntax.powershell'))).toBeTruthy();
    expect(await connectedRun(app)).toMatchObject({ mode: 'custom', command: SEED_GUIDE_RESTART, shell: 'powershell' });
  });

  it("keeps the owner's pick over the command's syntax, and warns that the command will probably not run there", async () => {
    const app = await openReview(windows);
    fireEvent.click(screen.getByRole('radio', { name: app.t('onboarding:form.run.custom') }));
    fireEvent.change(screen.getByLabelText(app.t('onboarding:form.run.customField')), { target: { value: SEED_GUIDE_RESTART } });
    fireEvent.click(shellRadio(app.t, 'cmd'));
    fireEvent.change(screen.getByLabelText(app.t('onboarding:form.run.customField')), { target: { value: `${SEED_GUIDE_RESTART} --debug` } });
    expect(shellRadio(app.t, 'cmd').checked).toBe(true);
    expect(screen.getByText(app.t('onboarding:form.shell.mismatch.powershell'))).toBeTruthy();
    expect(await connectedRun(app)).toMatchObject({ mode: 'custom', shell: 'cmd' });
  });

  it('has nothing to choose when the app starts nothing ("I start it myself", no restart)', async () => {
    const app = await openReview(windows);
    for (const choice of ['found', 'none']) {
      fireEvent.click(screen.getByRole('radio', { name: app.t(`onboarding:form.run.${choice}`) }));
      expect(screen.queryByRole('group', { name: app.t('onboarding:form.shell.legend') })).toBeNull();
    }
  });

  it('is not offered on Linux or macOS, where /bin/sh runs the command', async () => {
    for (const platform of ['linux', 'darwin']) {
      const app = await openReview({ appInfo: { platform }, detection: detectionProposing({ shell: 'cmd', reason: null }) });
      expect(screen.queryByRole('group', { name: app.t('onboarding:form.shell.legend') })).toBeNull();
      expect(screen.queryByRole('radio', { name: app.t('onboarding:form.shell.option.powershell') })).toBeNull();
      app.unmount();
    }
  });

  it("shows a saved bot's shell when it is edited, in the owner's language, and saves a change", async () => {
    const bot = makeBot({ id: 'shop', name: 'Dükkan', run: { mode: 'custom', command: SEED_GUIDE_RESTART, cwd: null, healthUrl: null, shell: 'powershell' } });
    const app = renderApp({ ...windows, language: 'tr', bots: [bot] });
    fireEvent.click(await screen.findByRole('button', { name: app.t('common:nav.settings') }));
    fireEvent.click(await screen.findByRole('button', { name: app.t('settings:bots.editNamed', { name: 'Dükkan' }) }));
    await screen.findByRole('heading', { name: app.t('dashboard:edit.title', { name: 'Dükkan' }) });
    expect(screen.getByRole('group', { name: 'Komut nerede çalışsın?' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Windows PowerShell' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Komut İstemi (cmd.exe)' }));
    expect(screen.getByText(app.t('onboarding:form.shell.mismatch.powershell'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: app.t('dashboard:edit.save') }));
    await screen.findByRole('heading', { name: app.t('dashboard:title') });
    expect(app.fake.callsTo('updateBot')).toMatchObject([{ id: 'shop', run: { mode: 'custom', shell: 'cmd' } }]);
  });
});

describe('shellOfSyntax', () => {
  it('knows PowerShell by cmdlets at the start of a statement, $env:, .ps1 scripts and the call operator', () => {
    for (const command of [SEED_GUIDE_RESTART, 'get-process node | stop-process', '$env:FLASK_ENV = "production"; python app.py', '.\\start.ps1', '& "C:\\My Bot\\run.exe"']) {
      expect(shellOfSyntax(command), command).toBe('powershell');
    }
  });

  it("knows the Command Prompt by what Windows PowerShell cannot run: &&, ||, %NAME%, set X=, call", () => {
    for (const command of ['venv\\Scripts\\activate && python app.py', 'python app.py || pause', 'python %USERPROFILE%\\bot\\app.py', 'set PORT=5000', 'call venv\\Scripts\\activate.bat & python app.py']) {
      expect(shellOfSyntax(command), command).toBe('cmd');
    }
  });

  it('leaves a command that runs the same in both to the proposal, a script named like a cmdlet included', () => {
    for (const command of ['python run_flask.py', 'npm run start-dev', 'pm2 restart bot', 'docker compose up -d --force-recreate bot', 'Get-Process python && python app.py']) {
      expect(shellOfSyntax(command), command).toBeNull();
    }
  });
});
