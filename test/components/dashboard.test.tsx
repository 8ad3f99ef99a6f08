// The dashboard in each of its states: loading, empty, failed, and one card per token status, with the words,
// facts and actions each status needs.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeBot, makeDiagnosis, sampleBots } from './fake-data';
import { renderApp } from './render-app';

function card(name: string): HTMLElement {
  return screen.getByRole('article', { name });
}

describe('dashboard', () => {
  it('shows placeholders while the bots load', async () => {
    const { t } = renderApp({ hang: ['listBots'] });
    expect(await screen.findByText(t('dashboard:loading'))).toBeTruthy();
    expect(document.querySelector('[aria-busy="true"] .skeleton')).not.toBeNull();
  });

  it('says what failed and retries when the list cannot be read', async () => {
    const { t, fake } = renderApp({ failures: { listBots: { code: 'internal', key: 'common:errors.internal' } } });
    expect(await screen.findByRole('heading', { name: t('dashboard:loadFailed.title') })).toBeTruthy();
    expect(screen.getByText(t('common:errors.internal'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('common:actions.tryAgain') }));
    await waitFor(() => expect(fake.callsTo('listBots')).toHaveLength(2));
  });

  it('offers to connect the first bot when none is connected', async () => {
    const { t, stores } = renderApp();
    await screen.findByRole('heading', { name: t('onboarding:welcome.title') });
    stores.shell.getState().navigate({ name: 'dashboard' });
    expect(await screen.findByRole('heading', { name: t('dashboard:empty.title') })).toBeTruthy();
    expect(screen.getByRole('img', { name: t('dashboard:empty.alt') })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('dashboard:empty.connect') }));
    expect(await screen.findByRole('heading', { name: t('onboarding:welcome.title') })).toBeTruthy();
  });

  it('shows each bot with its status in words, its facts and its countdown', async () => {
    const { t } = renderApp({ bots: sampleBots() });
    await screen.findByRole('heading', { name: t('dashboard:title') });

    const ok = card('Lokanta Anadolu');
    expect(within(ok).getByText(t('dashboard:status.ok'))).toBeTruthy();
    expect(within(ok).getAllByText(t('dashboard:expiry.never')).length).toBeGreaterThan(0);
    expect(within(ok).getByText('+90 555 005 14 89').closest('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(within(ok).getByText(t('dashboard:quality.high'))).toBeTruthy();
    expect(within(ok).getByText(t('dashboard:tokenType.permanent'))).toBeTruthy();
    expect(within(ok).getByText(t('dashboard:process.running'))).toBeTruthy();

    const soon = card('Hukuk Bürosu');
    expect(within(soon).getByText(t('dashboard:status.expiringSoon'))).toBeTruthy();
    expect(within(soon).getByText(t('dashboard:expiry.future', { relative: 'in 3 days' }))).toBeTruthy();
    expect(within(soon).getByText(t('dashboard:quality.medium'))).toBeTruthy();

    const expired = card('BillByteKOT');
    expect(within(expired).getByText(t('dashboard:status.expired'))).toBeTruthy();
    expect(within(expired).getByText(t('dashboard:expiry.past', { relative: '2 days ago' }))).toBeTruthy();
    expect(within(expired).getByText(t('dashboard:process.stopped'))).toBeTruthy();
    // The renew button leads when the token needs renewing.
    expect(within(expired).getByRole('button', { name: t('dashboard:actions.renew') }).className).toContain('button--primary');
    expect(within(ok).getByRole('button', { name: t('dashboard:actions.renew') }).className).not.toContain('button--primary');
    // The diagnosis's own sentences, the fix and the warnings are shown.
    const billbyte = sampleBots()[2]?.lastDiagnosis;
    expect(within(expired).getByText(t(billbyte?.summary.key ?? '', billbyte?.summary.params))).toBeTruthy();
    expect(within(expired).getByText(t('diagnosis:warning.retired_version', billbyte?.warnings[0]?.params))).toBeTruthy();
    // The .env is not git-ignored: the fix is offered on the card.
    expect(within(expired).getByText(t('onboarding:review.gitignore.title'))).toBeTruthy();

    const unreachable = card('متجر النور');
    expect(within(unreachable).getByText(t('dashboard:status.networkError'))).toBeTruthy();
    expect(within(unreachable).getByRole('button', { name: t('dashboard:actions.stopProcesses') })).toBeTruthy();
  });

  it.each([
    ['revoked', 'dashboard:status.revoked'],
    ['malformed', 'dashboard:status.malformed'],
    ['missing_permissions', 'dashboard:status.missingPermissions'],
    ['wrong_account', 'dashboard:status.wrongAccount'],
    ['rate_limited', 'dashboard:status.rateLimited'],
    ['meta_error', 'dashboard:status.metaError'],
  ] as const)('words a %s token so the owner knows what happened', async (status, label) => {
    const { t } = renderApp({ bots: [makeBot({ id: 'b', name: 'Bot', lastDiagnosis: makeDiagnosis(status) })] });
    const bot = await screen.findByRole('article', { name: 'Bot' });
    expect(within(bot).getByText(t(label))).toBeTruthy();
  });

  it('checks now, restarts, and shows the result on the card', async () => {
    const { t, fake } = renderApp({ bots: [makeBot({ id: 'shop', name: 'Shop' })] });
    const shop = await screen.findByRole('article', { name: 'Shop' });
    fireEvent.click(within(shop).getByRole('button', { name: t('dashboard:actions.check') }));
    await waitFor(() => expect(fake.callsTo('diagnoseBot')).toEqual([{ id: 'shop' }]));
    await waitFor(() => expect(within(shop).getByRole('button', { name: t('dashboard:actions.restart') })).toHaveProperty('disabled', false));
    fireEvent.click(within(shop).getByRole('button', { name: t('dashboard:actions.restart') }));
    expect(await within(shop).findByText(t('renew:restart.done'))).toBeTruthy();
  });

  it('opens the log in a dialog', async () => {
    const { t } = renderApp({ bots: [makeBot({ id: 'shop', name: 'Shop' })] });
    const shop = await screen.findByRole('article', { name: 'Shop' });
    fireEvent.click(within(shop).getByRole('button', { name: t('dashboard:actions.log') }));
    const dialog = await screen.findByRole('dialog', { name: t('dashboard:log.title', { name: 'Shop' }) });
    expect(await within(dialog).findByText(/Session has expired/)).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers "make it last 60 days" only for a renewable token when app credentials are saved', async () => {
    const renewable = makeBot({ id: 'r', name: 'Renewable', lastDiagnosis: makeDiagnosis('expiring_soon') });
    const permanent = makeBot({ id: 'p', name: 'Permanent' });
    const { t, fake } = renderApp({ bots: [renewable, permanent], settings: { appCredentials: { appId: '1234567890' } } });
    const card1 = await screen.findByRole('article', { name: 'Renewable' });
    await waitFor(() => expect(within(card1).getByRole('button', { name: t('dashboard:actions.extend') })).toBeTruthy());
    expect(within(card('Permanent')).queryByRole('button', { name: t('dashboard:actions.extend') })).toBeNull();
    fireEvent.click(within(card1).getByRole('button', { name: t('dashboard:actions.extend') }));
    await waitFor(() => expect(fake.callsTo('extendToken')).toEqual([{ botId: 'r' }]));
    await waitFor(() => {
      const expiresAt = fake.bots.find((bot) => bot.id === 'r')?.lastDiagnosis?.expiresAt;
      expect(within(card1).getByText(t('dashboard:notices.extendedUntil', { date: expiresAt }))).toBeTruthy();
    });
  });

  it('hides "make it last 60 days" for a working token that renews itself', async () => {
    const renewing = makeBot({
      id: 'r',
      name: 'Renewing',
      lastDiagnosis: makeDiagnosis('ok', { tokenLifetime: 'long_lived', neverExpires: false, expiresAt: '2027-02-04T20:00:00.000Z' }),
      renewal: { kind: 'renews_itself', renewsAt: '2027-01-28T20:00:00.000Z', expiresAt: '2027-02-04T20:00:00.000Z' },
    });
    const { t } = renderApp({ bots: [renewing], settings: { appCredentials: { appId: '1234567890' } } });
    const bot = await screen.findByRole('article', { name: 'Renewing' });
    await waitFor(() => expect(within(bot).getByRole('button', { name: t('dashboard:actions.log') })).toBeTruthy());
    expect(within(bot).queryByRole('button', { name: t('dashboard:actions.extend') })).toBeNull();
  });

  it('hides "make it last 60 days" without app credentials', async () => {
    const renewable = makeBot({ id: 'r', name: 'Renewable', lastDiagnosis: makeDiagnosis('expiring_soon') });
    const { t } = renderApp({ bots: [renewable] });
    const bot = await screen.findByRole('article', { name: 'Renewable' });
    await waitFor(() => expect(within(bot).getByText(t('dashboard:status.expiringSoon'))).toBeTruthy());
    expect(within(bot).queryByRole('button', { name: t('dashboard:actions.extend') })).toBeNull();
  });

  it('explains calmly when the keychain cannot be used', async () => {
    const { t } = renderApp({
      bots: [makeBot({ id: 'b', name: 'Bot' })],
      appInfo: { keychain: { available: false, message: { key: 'vault:unavailable.linux' } } },
    });
    expect(await screen.findByText(t('dashboard:keychain.title'))).toBeTruthy();
    expect(screen.getByText(t('vault:unavailable.linux'))).toBeTruthy();
  });

  it('removes a bot after asking', async () => {
    const { t, fake } = renderApp({ bots: [makeBot({ id: 'b', name: 'Bot' }), makeBot({ id: 'c', name: 'Other' })] });
    const bot = await screen.findByRole('article', { name: 'Bot' });
    fireEvent.click(within(bot).getByRole('button', { name: t('dashboard:menu.label', { name: 'Bot' }) }));
    fireEvent.click(screen.getByRole('menuitem', { name: t('dashboard:menu.remove') }));
    const dialog = screen.getByRole('dialog', { name: t('dashboard:remove.title', { name: 'Bot' }) });
    fireEvent.click(within(dialog).getByRole('button', { name: t('dashboard:remove.confirm') }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Bot' })).toBeNull());
    expect(fake.callsTo('removeBot')).toEqual([{ id: 'b' }]);
  });

  it('follows the bot list main pushes', async () => {
    const { fake } = renderApp({ bots: [makeBot({ id: 'b', name: 'Bot' })] });
    await screen.findByRole('article', { name: 'Bot' });
    fake.emit('botsChanged', [makeBot({ id: 'b', name: 'Bot' }), makeBot({ id: 'n', name: 'Newcomer' })]);
    expect(await screen.findByRole('article', { name: 'Newcomer' })).toBeTruthy();
  });
});
