// Putting the token in place: the live progress list (one line per destination), the proof on success with the
// optional test message and the one-time launch-at-login question, and the calm failure screen with roll back.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeBot, makeDiagnosis, TOKENS } from './fake-data';
import { renderApp } from './render-app';
import { openWizardFor, pasteAndCheck, walkTemporaryPath } from './wizard-helpers';

const expiredBot = () => makeBot({ id: 'shop', name: 'Shop', lastDiagnosis: makeDiagnosis('expired') });

async function applyToken(token: string, options: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp({ bots: [expiredBot()], ...options });
  await openWizardFor(app.t, 'Shop');
  await walkTemporaryPath(app.t);
  await pasteAndCheck(app.t, token);
  const apply = new RegExp(`^(${app.t('wizard:verdict.apply')}|${app.t('wizard:verdict.applyForNow')})$`);
  fireEvent.click(await screen.findByRole('button', { name: apply }));
  return app;
}

function progressLabels(): string[] {
  return [...document.querySelectorAll('.progress-list__label')].map((label) => label.firstChild?.textContent ?? '');
}

describe('applying the new token', () => {
  it('shows each step live, one line per destination, then the proof that the bot is back', async () => {
    const shop = makeBot({
      id: 'shop',
      name: 'Shop',
      lastDiagnosis: makeDiagnosis('expired'),
      destinations: [
        { destination: { kind: 'env', file: '/home/ayse/bots/shop/.env', variable: 'WHATSAPP_ACCESS_TOKEN' }, label: '.env#WHATSAPP_ACCESS_TOKEN' },
        { destination: { kind: 'json', file: '/home/ayse/bots/shop/config.json', keyPath: 'whatsapp.token' }, label: 'config.json#whatsapp.token' },
      ],
    });
    const { t, fake, stores } = await applyToken(TOKENS.permanent, { delayMs: 15, bots: [shop] });
    await screen.findByRole('heading', { name: t('wizard:apply.title') });
    await waitFor(() => expect(document.querySelector('.progress-list__item--running')).not.toBeNull());
    await waitFor(() =>
      expect(progressLabels()).toEqual([
        t('wizard:apply.steps.validate'),
        t('wizard:apply.steps.keychain'),
        t('wizard:apply.steps.writeTarget', { target: '.env#WHATSAPP_ACCESS_TOKEN' }),
        t('wizard:apply.steps.writeTarget', { target: 'config.json#whatsapp.token' }),
        t('wizard:apply.steps.restart'),
        t('wizard:apply.steps.verify'),
      ]),
    );
    expect(document.querySelector('.progress-list')?.getAttribute('aria-live')).toBe('polite');

    expect(await screen.findByRole('heading', { name: t('wizard:success.title') }, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText(t('diagnosis:summary.ok.never_expires'))).toBeTruthy();
    expect(screen.getByText(t('wizard:success.running'))).toBeTruthy();
    expect(screen.getByText(t('renew:verify.healthy'))).toBeTruthy();
    expect(fake.callsTo('applyToken')).toEqual([{ botId: 'shop', pendingId: 'pending-1' }]);
    // The dashboard already knows the bot's new state.
    expect(stores.bots.getState().bots[0]?.lastDiagnosis?.status).toBe('ok');
  });

  it('says a bot back on a temporary token is back for now, in amber, with the way to a long-lasting token', async () => {
    const { t } = await applyToken(TOKENS.temporary);
    expect(await screen.findByRole('heading', { name: t('wizard:success.titleTemporary') }, { timeout: 3000 })).toBeTruthy();
    const boxes = [...document.querySelectorAll('.wizard-stage--outcome > .banner')];
    expect(boxes.map((box) => box.className)).toEqual(['banner banner--warning']);
    expect(boxes[0]?.textContent).toContain(t('dashboard:expiry.worksForHours', { count: 20 }));
    // No ticked line saying the token works next to "expires in 20 hours": the amber box says it once.
    const proof = document.querySelector('.proof-list')?.textContent ?? '';
    expect(proof).not.toContain(t('diagnosis:summary.expiring_soon.hours', { count: 20, date: '' }).split(':')[0]!);
    fireEvent.click(screen.getByRole('button', { name: t('dashboard:actions.getLongLasting') }));
    expect(await screen.findByRole('heading', { name: t('wizard:guide.systemUsers.title') })).toBeTruthy();
  });

  it('offers the 60-day trade instead when the app credentials are saved, and says when it is done', async () => {
    const { t, fake } = await applyToken(TOKENS.temporary, { settings: { appCredentials: { appId: '1234567890123456' } } });
    await screen.findByRole('heading', { name: t('wizard:success.titleTemporary') }, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: t('dashboard:actions.extend') }));
    await waitFor(() => expect(fake.callsTo('extendToken')).toEqual([{ botId: 'shop' }]));
    // The token now lasts: the page says the bot is back, full stop.
    expect(await screen.findByRole('heading', { name: t('wizard:success.title') })).toBeTruthy();
  });

  it('asks once about launching at login, and remembers the answer', async () => {
    const { t, fake } = await applyToken(TOKENS.permanent);
    await screen.findByRole('heading', { name: t('wizard:success.title') });
    fireEvent.click(await screen.findByRole('button', { name: t('wizard:launchAtLogin.yes') }));
    expect(await screen.findByText(t('wizard:launchAtLogin.yesDone'))).toBeTruthy();
    expect(fake.callsTo('updateSettings')).toEqual([{ launchAtLogin: true, launchAtLoginAsked: true }]);
  });

  it('does not ask about launching at login again', async () => {
    const { t } = await applyToken(TOKENS.permanent, { settings: { launchAtLoginAsked: true } });
    await screen.findByRole('heading', { name: t('wizard:success.title') });
    expect(screen.queryByRole('button', { name: t('wizard:launchAtLogin.yes') })).toBeNull();
  });

  it('sends a test message and explains a number Meta does not allow', async () => {
    const { t, fake } = await applyToken(TOKENS.permanent);
    await screen.findByRole('heading', { name: t('wizard:success.title') });
    const to = screen.getByLabelText(t('wizard:testMessage.to'));
    fireEvent.change(to, { target: { value: 'call me' } });
    fireEvent.click(screen.getByRole('button', { name: t('wizard:testMessage.send') }));
    expect(screen.getByText(t('wizard:testMessage.invalid'))).toBeTruthy();

    fireEvent.change(to, { target: { value: '+90 555 123 45 999' } });
    fireEvent.click(screen.getByRole('button', { name: t('wizard:testMessage.send') }));
    expect(await screen.findByText(t('diagnosis:test_message.fix_recipient_not_allowed', { to: '+90 555 123 45 999' }))).toBeTruthy();
    expect(fake.callsTo('sendTestMessage')).toEqual([{ botId: 'shop', to: '+90 555 123 45 999', kind: 'template' }]);

    fireEvent.click(screen.getByRole('radio', { name: t('wizard:testMessage.text') }));
    fireEvent.change(to, { target: { value: '+90 555 123 45 67' } });
    fireEvent.click(screen.getByRole('button', { name: t('wizard:testMessage.send') }));
    expect(await screen.findByText(t('diagnosis:test_message.sent', { to: '+90 555 123 45 67' }))).toBeTruthy();
  });

  it('shows a calm failure with the log, rolls back, and tries again', async () => {
    const { t, fake } = await applyToken(TOKENS.restartFails);
    expect(await screen.findByRole('heading', { name: t('wizard:failure.titleBot') })).toBeTruthy();
    const explanation = screen.getByText(t('wizard:apply.steps.restart'), { selector: '.banner__title' }).closest('.banner') as HTMLElement;
    expect(within(explanation).getByText(t('renew:restart.failed'))).toBeTruthy();
    // Said once: the failed line of the progress list is marked, not repeated.
    expect(screen.getAllByText(t('renew:restart.failed'))).toHaveLength(1);
    expect(document.querySelector('.progress-list__item--failed')).not.toBeNull();
    const log = screen.getByText(t('wizard:failure.log')).closest('details') as HTMLDetailsElement;
    expect(log.open).toBe(false);
    expect(within(log).getByText(/Session has expired/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: t('wizard:failure.rollBack') }));
    expect(await screen.findByText(t('envfile:backup.restored', { path: '/home/ayse/bots/shop/.env' }))).toBeTruthy();
    expect(fake.callsTo('rollBackBot')).toEqual([{ id: 'shop' }]);
    expect(screen.queryByRole('button', { name: t('wizard:failure.rollBack') })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: t('common:actions.tryAgain') }));
    expect(await screen.findByRole('heading', { name: t('wizard:paste.title') })).toBeTruthy();
  });

  it('explains an apply that main refused outright', async () => {
    const { t } = await applyToken(TOKENS.permanent, { failures: { applyToken: { code: 'keychain_unavailable', key: 'vault:unavailable.linux' } } });
    expect(await screen.findByRole('heading', { name: t('wizard:failure.titleToken') })).toBeTruthy();
    expect(screen.getByText(t('vault:unavailable.linux'))).toBeTruthy();
  });
});
