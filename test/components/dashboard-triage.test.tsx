// The dashboard triages: the most urgent bot first, one summary line for all of them with what the watch does
// next, one message and one main action per card's state, and a visible answer when a check ends.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BotView, Diagnosis } from '../../src-main/contract';
import { makeBot, makeDiagnosis } from './fake-data';
import { renderApp } from './render-app';

const HOUR = 3_600_000;

function temporaryDiagnosis(hoursLeft: number): Diagnosis {
  const expiresAt = new Date(Date.now() + hoursLeft * HOUR + 60_000).toISOString();
  return makeDiagnosis('expiring_soon', {
    tokenLifetime: 'temporary',
    expiresAt,
    summary: { key: 'diagnosis:summary.expiring_soon.hours', params: { date: expiresAt, count: hoursLeft } },
    fix: { key: 'diagnosis:fix.create_permanent_token' },
    warnings: [{ key: 'diagnosis:warning.temporary_token' }],
  });
}

/** One bot per state, connected in the least helpful order. */
function botsInEveryState(): BotView[] {
  return [
    makeBot({ id: 'fine', name: 'Fine' }),
    makeBot({ id: 'offline', name: 'Offline', lastDiagnosis: makeDiagnosis('network_error', { phone: null }) }),
    makeBot({ id: 'later', name: 'Later', lastDiagnosis: makeDiagnosis('expiring_soon') }),
    makeBot({ id: 'dead', name: 'Dead', lastDiagnosis: makeDiagnosis('expired') }),
    makeBot({ id: 'quick', name: 'Quick', lastDiagnosis: temporaryDiagnosis(5) }),
  ];
}

function cardNames(): string[] {
  return [...document.querySelectorAll('.bot-card .bot-card__name')].map((name) => name.textContent ?? '');
}

function card(name: string): HTMLElement {
  return screen.getByRole('article', { name });
}

/** The sentences a card says about its state (not its facts, not its buttons). */
function sentences(bot: HTMLElement): string[] {
  return [...bot.querySelectorAll('.bot-status p, .bot-status li, .bot-card .banner')].map((node) => node.textContent ?? '');
}

function primaryButtons(bot: HTMLElement): string[] {
  return [...bot.querySelectorAll('.bot-actions .button--primary')].map((button) => button.textContent ?? '');
}

describe('the dashboard triages', () => {
  it('puts the dead bot first, then what runs out soonest, then what could not be checked, then the rest', async () => {
    renderApp({ bots: botsInEveryState() });
    await screen.findByRole('article', { name: 'Dead' });
    expect(cardNames()).toEqual(['Dead', 'Quick', 'Later', 'Offline', 'Fine']);
  });

  it('re-sorts when a check changes a bot’s state', async () => {
    const { fake } = renderApp({ bots: [makeBot({ id: 'a', name: 'A' }), makeBot({ id: 'b', name: 'B' })] });
    await screen.findByRole('article', { name: 'B' });
    expect(cardNames()).toEqual(['A', 'B']);
    fake.emit('botsChanged', [makeBot({ id: 'a', name: 'A' }), makeBot({ id: 'b', name: 'B', lastDiagnosis: makeDiagnosis('revoked') })]);
    await waitFor(() => expect(cardNames()).toEqual(['B', 'A']));
  });

  it('sums everything up in one line, with when the next check runs and how far ahead it warns', async () => {
    const { t } = renderApp({ bots: botsInEveryState(), settings: { checkIntervalHours: 6 } });
    await screen.findByRole('article', { name: 'Dead' });
    const list = new Intl.ListFormat('en', { type: 'conjunction' }).format([
      t('dashboard:summary.down', { count: 1 }),
      t('dashboard:summary.expireSeveral', { count: 2, relative: 'in 5 hours' }),
      t('dashboard:summary.unknown', { count: 1 }),
    ]);
    expect(document.querySelector('.dashboard-summary__state')?.textContent).toBe(t('dashboard:summary.sentence', { list }));
    // Every sample bot was checked 5 minutes ago; the interval is 6 hours.
    const watch = document.querySelector('.dashboard-summary__watch')?.textContent;
    expect(watch).toBe(`${t('dashboard:watch.nextCheck', { relative: 'in 6 hours' })} ${t('dashboard:watch.warns')}`);
  });

  it('says all is well in as many words when it is', async () => {
    const { t } = renderApp({ bots: [makeBot({ id: 'a', name: 'A' }), makeBot({ id: 'b', name: 'B' })] });
    await screen.findByRole('article', { name: 'B' });
    expect(document.querySelector('.dashboard-summary__state')?.textContent).toBe(t('dashboard:summary.allFine', { count: 2 }));
  });

  it('says a temporary token once, in amber, with one way out: a long-lasting token', async () => {
    const { t, stores } = renderApp({ bots: botsInEveryState() });
    const quick = await screen.findByRole('article', { name: 'Quick' });
    expect(within(quick).getByText(t('dashboard:status.temporary')).closest('.badge')?.className).toContain('badge--warning');
    expect(within(quick).getByText(t('dashboard:expiry.worksForHours', { count: 5 }))).toBeTruthy();
    expect(sentences(quick)).toEqual([t('dashboard:temporary.body')]);
    expect(primaryButtons(quick)).toEqual([t('dashboard:actions.getLongLasting')]);
    fireEvent.click(within(quick).getByRole('button', { name: t('dashboard:actions.getLongLasting') }));
    // Straight onto the long-lasting path, not the question which path.
    expect(await screen.findByRole('heading', { name: t('wizard:guide.systemUsers.title') })).toBeTruthy();
    expect(stores.wizard.getState().path).toBe('permanent');
  });

  it('offers "make it last 60 days" as the way out of a temporary token when the app credentials are saved', async () => {
    const { t } = renderApp({ bots: botsInEveryState(), settings: { appCredentials: { appId: '1234567890123456' } } });
    const quick = await screen.findByRole('article', { name: 'Quick' });
    await waitFor(() => expect(primaryButtons(quick)).toEqual([t('dashboard:actions.extend')]));
  });

  it('gives a dead token one sentence and the Renew button, not a recipe', async () => {
    const { t } = renderApp({ bots: botsInEveryState() });
    const dead = await screen.findByRole('article', { name: 'Dead' });
    const diagnosis = makeDiagnosis('expired');
    expect(sentences(dead)).toEqual([t(diagnosis.summary.key, diagnosis.summary.params)]);
    expect(within(dead).queryByText(t('dashboard:whatToDo'))).toBeNull();
    expect(primaryButtons(dead)).toEqual([t('dashboard:actions.renew')]);
  });

  it('tells what to check when Meta could not be reached, with “Check now” as the main action', async () => {
    const { t } = renderApp({ bots: botsInEveryState() });
    const offline = await screen.findByRole('article', { name: 'Offline' });
    const diagnosis = makeDiagnosis('network_error');
    expect(sentences(offline)).toEqual([
      t(diagnosis.summary.key, diagnosis.summary.params),
      `${t('dashboard:whatToDo')} ${t(diagnosis.fix!.key, diagnosis.fix!.params)}`,
    ]);
    expect(primaryButtons(offline)).toEqual([t('dashboard:actions.check')]);
  });

  it('leaves a healthy bot without a main action', async () => {
    renderApp({ bots: botsInEveryState() });
    expect(primaryButtons(await screen.findByRole('article', { name: 'Fine' }))).toEqual([]);
  });

  it('answers visibly when a check ends', async () => {
    const { t, fake } = renderApp({ bots: [makeBot({ id: 'shop', name: 'Shop' })] });
    const shop = await screen.findByRole('article', { name: 'Shop' });
    fireEvent.click(within(shop).getByRole('button', { name: t('dashboard:actions.check') }));
    await waitFor(() => expect(fake.callsTo('diagnoseBot')).toEqual([{ id: 'shop' }]));
    expect(await within(card('Shop')).findByText(t('dashboard:notices.checked'))).toBeTruthy();
  });
});
