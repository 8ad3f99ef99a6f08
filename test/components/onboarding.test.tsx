// First run: welcome, language, find the bot's folder, confirm or correct what was found, connect, and land on
// the dashboard with a first check running.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleDetection } from './fake-data';
import { renderApp } from './render-app';

const FOLDER = '/home/ayse/bots/tevkil_proje';

async function reachConnectStep(t: (key: string) => string) {
  fireEvent.click(await screen.findByRole('button', { name: t('onboarding:welcome.start') }));
  await screen.findByRole('heading', { name: t('onboarding:language.title') });
  fireEvent.click(screen.getByRole('button', { name: t('common:actions.next') }));
  await screen.findByRole('heading', { name: t('onboarding:connect.title') });
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

describe('onboarding', () => {
  it('detects the bot and connects it from three lines and one button, fixing .gitignore unless told not to', async () => {
    const { t, fake } = renderApp();
    expect(await screen.findByRole('heading', { name: t('onboarding:welcome.title') })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:welcome.start') }));
    const english = await screen.findByRole('radio', { name: t('common:languages.en') });
    expect((english as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: t('common:actions.next') }));

    fireEvent.click(await screen.findByRole('button', { name: t('onboarding:connect.choose') }));
    await screen.findByRole('heading', { name: t('onboarding:review.title') });

    // Three lines: where the token is, how the bot starts, which number; no form until "Advanced".
    const found = document.querySelector('dl.found') as HTMLElement;
    const lines = within(found).getAllByRole('term').map((term) => term.textContent);
    expect(lines).toEqual([t('onboarding:review.found.token'), t('onboarding:review.found.start'), t('onboarding:review.found.number')]);
    expect(found.textContent).toContain('.env · META_ACCESS_TOKEN (EAAQ…sBQJm)');
    expect(found.textContent).toContain('python run_flask.py');
    expect(found.textContent).toContain(`${t('onboarding:form.phoneNumberId')} 15550051489`);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText(t('envfile:detection.ambiguous', { names: 'META_ACCESS_TOKEN, ACCESS_TOKEN', name: 'META_ACCESS_TOKEN' }))).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: new RegExp(t('onboarding:review.gitignore.offer')) }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: t('onboarding:review.connect') }));
    expect(await screen.findByRole('article', { name: 'Tevkil Proje' })).toBeTruthy();
    expect(fake.callsTo('connectBot')).toEqual([
      {
        folder: FOLDER,
        name: 'Tevkil Proje',
        envFile: `${FOLDER}/.env`,
        tokenVariable: 'META_ACCESS_TOKEN',
        phoneNumberId: '15550051489',
        wabaId: '61584672189701',
        apiVersion: 'v18.0',
        run: { mode: 'managed', command: 'python run_flask.py', cwd: FOLDER, healthUrl: null, shell: 'cmd' },
        destinations: [
          { kind: 'env', file: `${FOLDER}/.env`, variable: 'META_ACCESS_TOKEN' },
          { kind: 'env', file: `${FOLDER}/backend/.env`, variable: 'META_ACCESS_TOKEN' },
          { kind: 'json', file: `${FOLDER}/config/whatsapp.json`, keyPath: 'whatsapp.accessToken' },
        ],
      },
    ]);
    await waitFor(() => expect(fake.callsTo('diagnoseBot')).toEqual([{ id: 'tevkil-proje' }]));
    expect(fake.callsTo('fixGitignore')).toEqual([{ id: 'tevkil-proje' }]);
  });

  it('shows everything that was found under “Advanced”, every value editable', async () => {
    const { t, fake } = renderApp();
    await reachConnectStep(t);
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:connect.choose') }));
    await screen.findByRole('heading', { name: t('onboarding:review.title') });
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:review.advanced') }));

    expect(screen.getByText(FOLDER)).toBeTruthy();
    expect(field(t('onboarding:form.envFile')).value).toBe(`${FOLDER}/.env`);
    expect(field(t('onboarding:form.tokenVariable')).value).toBe('META_ACCESS_TOKEN');
    expect(screen.getByText('EAAQ…sBQJm')).toBeTruthy();
    expect(field(t('onboarding:form.phoneNumberId')).value).toBe('15550051489');
    expect(field(t('onboarding:form.wabaId')).value).toBe('61584672189701');
    expect(field(t('onboarding:form.apiVersion')).value).toBe('v18.0');
    expect(screen.getByText('META_PHONE_NUMBER_ID')).toBeTruthy();
    const proposal = screen.getByRole('radio', { name: `${t('onboarding:form.run.proposal')} python run_flask.py` });
    expect((proposal as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(t('bot:detect.reason.pythonScript', { file: 'run_flask.py' }))).toBeTruthy();
    // Other places holding the same token are proposed, ticked; the owner leaves one out, and .gitignore alone.
    expect((screen.getByRole('checkbox', { name: 'backend/.env#META_ACCESS_TOKEN' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'config/whatsapp.json#whatsapp.accessToken' }));
    fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(t('onboarding:review.gitignore.offer')) }));

    fireEvent.click(screen.getByRole('button', { name: t('onboarding:review.connect') }));
    expect(await screen.findByRole('article', { name: 'Tevkil Proje' })).toBeTruthy();
    const [connected] = fake.callsTo('connectBot') as { destinations: unknown[] }[];
    expect(connected?.destinations).toEqual([
      { kind: 'env', file: `${FOLDER}/.env`, variable: 'META_ACCESS_TOKEN' },
      { kind: 'env', file: `${FOLDER}/backend/.env`, variable: 'META_ACCESS_TOKEN' },
    ]);
    await waitFor(() => expect(fake.callsTo('diagnoseBot')).toEqual([{ id: 'tevkil-proje' }]));
    expect(fake.callsTo('fixGitignore')).toEqual([]);
  });

  it('opens the full form at once when something the bot needs was not found', async () => {
    const { t } = renderApp({ detection: (folder) => ({ ...sampleDetection(folder), tokenVariable: null, maskedToken: null }) });
    await reachConnectStep(t);
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:connect.choose') }));
    await screen.findByRole('heading', { name: t('onboarding:review.title') });
    expect(screen.getByText(t('onboarding:review.incomplete'))).toBeTruthy();
    expect(field(t('onboarding:form.tokenVariable')).value).toBe('');
    expect(screen.queryByRole('button', { name: t('onboarding:review.advanced') })).toBeNull();
  });

  it('takes a typed folder when the picker does not open, and keeps the owner’s corrections', async () => {
    const { t, fake } = renderApp({ failures: { pickBotFolder: { code: 'internal', key: 'common:errors.internal' } } });
    await reachConnectStep(t);
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:connect.choose') }));
    expect(await screen.findByText(t('onboarding:connect.pickerFailed'))).toBeTruthy();

    fireEvent.change(field(t('onboarding:connect.typeLabel')), { target: { value: 'C:\\Bots\\shop' } });
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:connect.look') }));
    await screen.findByRole('heading', { name: t('onboarding:review.title') });
    expect(fake.callsTo('detectBot')).toEqual([{ folder: 'C:\\Bots\\shop' }]);

    fireEvent.click(screen.getByRole('button', { name: t('onboarding:review.advanced') }));
    fireEvent.change(field(t('onboarding:form.name')), { target: { value: 'Dükkan' } });
    fireEvent.click(screen.getByRole('radio', { name: t('onboarding:form.run.custom') }));
    fireEvent.change(field(t('onboarding:form.run.customField')), { target: { value: 'pm2 restart shop' } });
    fireEvent.change(field(t('onboarding:form.run.healthUrl')), { target: { value: 'http://localhost:5000/health' } });
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:review.connect') }));

    await screen.findByRole('article', { name: 'Dükkan' });
    const [connected] = fake.callsTo('connectBot') as { name: string; run: unknown }[];
    expect(connected?.name).toBe('Dükkan');
    expect(connected?.run).toEqual({ mode: 'custom', command: 'pm2 restart shop', cwd: null, healthUrl: 'http://localhost:5000/health', shell: 'cmd' });
  });

  it('says what is wrong with a field instead of connecting', async () => {
    const { t, fake } = renderApp();
    await reachConnectStep(t);
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:connect.choose') }));
    await screen.findByRole('heading', { name: t('onboarding:review.title') });
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:review.advanced') }));
    fireEvent.change(field(t('onboarding:form.tokenVariable')), { target: { value: 'WHATSAPP TOKEN' } });
    fireEvent.change(field(t('onboarding:form.wabaId')), { target: { value: '6158-4672' } });
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:review.connect') }));
    expect(screen.getByText(t('onboarding:form.errors.variableInvalid'))).toBeTruthy();
    expect(screen.getByText(t('onboarding:form.errors.digitsOnly'))).toBeTruthy();
    expect(field(t('onboarding:form.tokenVariable')).getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('connectBot')).toEqual([]);
  });

  it('explains a folder it could not look in', async () => {
    const { t } = renderApp({ failures: { detectBot: { code: 'folder_missing', key: 'common:errors.invalidInput' } } });
    await reachConnectStep(t);
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:connect.choose') }));
    const alert = await screen.findByText(t('onboarding:connect.failed'));
    expect(within(alert.closest('.banner') as HTMLElement).getByText(t('common:errors.invalidInput'))).toBeTruthy();
  });

  it('switches the language from the language step', async () => {
    const { t, fake } = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: t('onboarding:welcome.start') }));
    fireEvent.click(await screen.findByRole('radio', { name: t('common:languages.tr') }));
    await waitFor(() => expect(document.documentElement.lang).toBe('tr'));
    expect(fake.callsTo('updateSettings')).toEqual([{ language: 'tr' }]);
    expect(await screen.findByRole('heading', { name: 'Hangi dili kullanmak istersiniz?' })).toBeTruthy();
  });
});
