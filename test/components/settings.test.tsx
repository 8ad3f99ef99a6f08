// Settings: each choice saves at once and is announced; app credentials are checked by main, then only the
// App ID is shown; connected bots can be edited and removed.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeBot } from './fake-data';
import { allStoreState, renderApp } from './render-app';

async function openSettings(options: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp({ bots: [makeBot({ id: 'shop', name: 'Shop' })], ...options });
  fireEvent.click(await screen.findByRole('button', { name: app.t('common:nav.settings') }));
  await screen.findByRole('heading', { name: app.t('settings:title') });
  await screen.findByLabelText(app.t('settings:general.language'));
  return app;
}

describe('settings', () => {
  it('saves each setting as it changes and says so', async () => {
    const { t, fake } = await openSettings({ settings: { appCredentials: { appId: '1234567890123456' } } });
    fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(t('settings:general.launchAtLogin')) }));
    expect(await screen.findByText(t('settings:saved'))).toBeTruthy();
    fireEvent.change(screen.getByLabelText(t('settings:general.interval')), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(t('settings:general.autoRenew')) }));
    await waitFor(() => expect((screen.getByLabelText(t('settings:general.autoRenewLead')) as HTMLSelectElement).disabled).toBe(false));
    fireEvent.change(screen.getByLabelText(t('settings:general.autoRenewLead')), { target: { value: '14' } });
    await waitFor(() =>
      expect(fake.callsTo('updateSettings')).toEqual([
        { launchAtLogin: true },
        { checkIntervalHours: 12 },
        { autoRenew: true },
        { autoRenewLeadDays: 14 },
      ]),
    );
    expect(fake.settings).toMatchObject({ launchAtLogin: true, checkIntervalHours: 12, autoRenew: true, autoRenewLeadDays: 14 });
    expect((screen.getByLabelText(t('settings:general.interval')) as HTMLSelectElement).value).toBe('12');
  });

  it('shows automatic renewal off while the app credentials are missing, says why and leads to them', async () => {
    // Saved as "on" (the default): without credentials it still must not look on.
    const { t } = await openSettings({ settings: { autoRenew: true } });
    const autoRenew = screen.getByRole('checkbox', { name: new RegExp(t('settings:general.autoRenew')) }) as HTMLInputElement;
    expect(autoRenew.checked).toBe(false);
    expect(autoRenew.disabled).toBe(true);
    expect(autoRenew.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(autoRenew.getAttribute('aria-describedby')!)?.textContent).toBe(t('settings:general.autoRenewNeedsCredentials'));
    expect((screen.getByLabelText(t('settings:general.autoRenewLead')) as HTMLSelectElement).disabled).toBe(true);
    Element.prototype.scrollIntoView = function scrollIntoView() {}; // jsdom lays nothing out, so has no scrolling
    fireEvent.click(screen.getByRole('button', { name: t('settings:general.addCredentials') }));
    expect(document.activeElement).toBe(screen.getByLabelText(t('settings:credentials.appId')));
  });

  it('names check intervals with the plural forms of the language', async () => {
    const { t } = await openSettings();
    const options = within(screen.getByLabelText(t('settings:general.interval'))).getAllByRole('option');
    expect(options[0]?.textContent).toBe(t('settings:general.every', { count: 1 }));
    expect(options[1]?.textContent).toBe(t('settings:general.every', { count: 2 }));
    expect(options[0]?.textContent).not.toBe(options[1]?.textContent?.replace('2', '1'));
  });

  it('checks and saves app credentials, then shows only the App ID', async () => {
    const { t, fake, stores } = await openSettings();
    const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    expect(screen.getByRole('img', { name: t('settings:credentials.alt') })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('settings:credentials.open') }));
    expect(fake.callsTo('openMetaPage')).toEqual([{ page: 'app_basic_settings' }]);

    fireEvent.change(screen.getByLabelText(t('settings:credentials.appId')), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText(t('settings:credentials.appSecret')), { target: { value: secret } });
    fireEvent.click(screen.getByRole('button', { name: t('settings:credentials.save') }));
    expect(screen.getByText(t('settings:credentials.appIdInvalid'))).toBeTruthy();
    expect(fake.callsTo('setAppCredentials')).toEqual([]);

    fireEvent.change(screen.getByLabelText(t('settings:credentials.appId')), { target: { value: '1234567890123456' } });
    fireEvent.click(screen.getByRole('button', { name: t('settings:credentials.save') }));
    expect(await screen.findByText('1234567890123456')).toBeTruthy();
    expect(fake.callsTo('setAppCredentials')).toEqual([{ appId: '1234567890123456', appSecret: secret }]);
    expect(document.body.innerHTML).not.toContain(secret);
    expect(allStoreState(stores)).not.toContain(secret);

    fireEvent.click(screen.getByRole('button', { name: t('settings:credentials.remove') }));
    expect(await screen.findByLabelText(t('settings:credentials.appId'))).toBeTruthy();
  });

  it('says why Meta refused the app credentials', async () => {
    const { t } = await openSettings();
    fireEvent.change(screen.getByLabelText(t('settings:credentials.appId')), { target: { value: '1234567890123456' } });
    fireEvent.change(screen.getByLabelText(t('settings:credentials.appSecret')), { target: { value: 'wrong0000000000000000000000000000' } });
    fireEvent.click(screen.getByRole('button', { name: t('settings:credentials.save') }));
    expect(await screen.findByText(t('service:errors.appCredentialsRejected'))).toBeTruthy();
    // Said once, in the credentials box, not again under the general settings.
    expect(screen.getAllByText(t('service:errors.appCredentialsRejected'))).toHaveLength(1);
  });

  it('edits a connected bot', async () => {
    const { t, fake } = await openSettings();
    fireEvent.click(screen.getByRole('button', { name: t('settings:bots.editNamed', { name: 'Shop' }) }));
    await screen.findByRole('heading', { name: t('dashboard:edit.title', { name: 'Shop' }) });
    fireEvent.change(screen.getByLabelText(t('onboarding:form.apiVersion')), { target: { value: 'v25.0' } });
    fireEvent.click(screen.getByRole('radio', { name: t('onboarding:form.run.none') }));
    fireEvent.click(screen.getByRole('button', { name: t('dashboard:edit.save') }));
    await screen.findByRole('heading', { name: t('dashboard:title') });
    expect(fake.callsTo('updateBot')).toMatchObject([{ id: 'shop', apiVersion: 'v25.0', run: { mode: 'none', command: null } }]);
  });

  it('adds a place the token goes: a command that receives it on standard input', async () => {
    const { t, fake } = await openSettings();
    fireEvent.click(screen.getByRole('button', { name: t('settings:bots.editNamed', { name: 'Shop' }) }));
    await screen.findByRole('heading', { name: t('dashboard:edit.title', { name: 'Shop' }) });
    expect(screen.getByText(t('onboarding:form.destinations.none'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:form.destinations.add') }));
    fireEvent.change(screen.getByLabelText(t('onboarding:form.destinations.kind')), { target: { value: 'command' } });
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:form.destinations.addConfirm') }));
    expect(screen.getByText(t('onboarding:form.errors.commandMissing'))).toBeTruthy();
    fireEvent.change(screen.getByLabelText(t('onboarding:form.destinations.command')), { target: { value: 'python update_whatsapp_token.py' } });
    fireEvent.click(screen.getByRole('button', { name: t('onboarding:form.destinations.addConfirm') }));
    expect((screen.getByRole('checkbox', { name: '$ python update_whatsapp_token.py' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: t('dashboard:edit.save') }));
    await screen.findByRole('heading', { name: t('dashboard:title') });
    expect(fake.callsTo('updateBot')).toMatchObject([
      {
        destinations: [
          { kind: 'env', file: '/home/ayse/bots/shop/.env', variable: 'WHATSAPP_ACCESS_TOKEN' },
          { kind: 'command', command: 'python update_whatsapp_token.py', cwd: '/home/ayse/bots/shop' },
        ],
      },
    ]);
  });

  it('shows the version', async () => {
    const { t } = await openSettings({ appInfo: { version: '1.4.2' } });
    expect(await screen.findByText('1.4.2')).toBeTruthy();
    expect(screen.getByText(t('settings:about.version'), { exact: false })).toBeTruthy();
  });
});
