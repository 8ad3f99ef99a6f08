// Issue 12 in the window: the lasting path adapts to what Meta's "Token expiration" offers, ends with the app ID and
// secret (checked with Meta through main, the secret never kept by the page), and the verdict and the dashboard say
// whether the token renews itself or needs its owner — with the one click that makes it renew itself.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RenewalOutlook } from '../../src-main/contract';
import { makeBot, makeDiagnosis, TOKENS } from './fake-data';
import { allStoreState, renderApp } from './render-app';
import { clickNext, openWizardFor, pasteAndCheck } from './wizard-helpers';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const expiredBot = () => makeBot({ id: 'shop', name: 'Shop', lastDiagnosis: makeDiagnosis('expired') });
const in40Days = new Date(Date.now() + 40 * 86_400_000).toISOString();

async function walkToGenerateToken(t: Translate): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(t('wizard:choose.permanent.title')) }));
  for (const step of ['systemUsers', 'addSystemUser', 'assignAssets']) {
    await screen.findByRole('heading', { name: t(`wizard:guide.${step}.title`) });
    await clickNext(t);
  }
  await screen.findByRole('heading', { name: t('wizard:guide.generateToken.title') });
}

async function pasteSixtyDayToken(t: Translate): Promise<void> {
  await clickNext(t);
  await clickNext(t, 'wizard:guide.copied');
  await pasteAndCheck(t, TOKENS.sixtyDay);
}

describe('the lasting path (issue 12)', () => {
  it('asks what Meta offers: "60 days" by default, "Never" where it is there, and the checklist and picture follow', async () => {
    const { t } = renderApp({ bots: [expiredBot()] });
    await openWizardFor(t, 'Shop');
    await walkToGenerateToken(t);
    const sixty = screen.getByRole('radio', { name: t('wizard:expiryOffer.sixtyDays') }) as HTMLInputElement;
    expect(sixty.checked).toBe(true);
    expect(screen.getByRole('checkbox', { name: t('wizard:checklist.expirySixtyDays') })).toBeTruthy();
    const picture = screen.getByLabelText(t('wizard:guide.generateToken.alt'));
    expect(picture.textContent).not.toContain(t('screens:meta.never'));

    fireEvent.click(screen.getByRole('radio', { name: t('wizard:expiryOffer.never') }));
    expect(screen.getByRole('checkbox', { name: t('wizard:checklist.expiryNever') })).toBeTruthy();
    expect(screen.getByLabelText(t('wizard:guide.generateToken.alt')).textContent).toContain(t('screens:meta.never'));
    expect(screen.getByText(t('screens:say.expiryNever'))).toBeTruthy();
  });

  it('ends with the app ID and secret: refused ones say why, good ones turn the verdict into "renews itself"', async () => {
    const { t, fake, stores } = renderApp({ bots: [expiredBot()], settings: { autoRenew: true } });
    await openWizardFor(t, 'Shop');
    await walkToGenerateToken(t);
    await pasteSixtyDayToken(t);
    const heading = await screen.findByRole('heading', { name: t('wizard:appCredentials.title') });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(t('wizard:appCredentials.count'))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('settings:credentials.open') })).toBeTruthy();

    fireEvent.input(screen.getByLabelText(t('settings:credentials.appId')), { target: { value: '1234567890123456' } });
    fireEvent.input(screen.getByLabelText(t('settings:credentials.appSecret')), { target: { value: 'wrongwrongwrongwrongwrong1234567' } });
    fireEvent.click(screen.getByRole('button', { name: t('wizard:appCredentials.check') }));
    expect(await screen.findByText(t('service:errors.appCredentialsRejected'))).toBeTruthy();

    fireEvent.input(screen.getByLabelText(t('settings:credentials.appSecret')), { target: { value: 'otherotherotherotherother1234567' } });
    fireEvent.click(screen.getByRole('button', { name: t('wizard:appCredentials.check') }));
    expect(await screen.findByText(t('service:errors.appCredentialsOtherApp'))).toBeTruthy();

    const secret = 'f0a1b2c3d4e5f60718293a4b5c6d7e8f';
    fireEvent.input(screen.getByLabelText(t('settings:credentials.appSecret')), { target: { value: secret } });
    fireEvent.click(screen.getByRole('button', { name: t('wizard:appCredentials.check') }));
    await screen.findByRole('heading', { name: t('wizard:verdict.okTitle') });
    const line = document.querySelector('[data-renewal="renews_itself"]');
    expect(line?.textContent).toMatch(/^Renews itself on /);
    expect(fake.callsTo('submitAppCredentials').at(-1)).toMatchObject({ botId: 'shop', appId: '1234567890123456' });
    // The page let go of the secret: not in any store, not in the page.
    expect(allStoreState(stores)).not.toContain(secret);
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('can be skipped: the verdict says the token will need its owner, and offers the step again', async () => {
    const { t } = renderApp({ bots: [expiredBot()] });
    await openWizardFor(t, 'Shop');
    await walkToGenerateToken(t);
    await pasteSixtyDayToken(t);
    await screen.findByRole('heading', { name: t('wizard:appCredentials.title') });
    fireEvent.click(screen.getByRole('button', { name: t('wizard:appCredentials.skip') }));
    await screen.findByRole('heading', { name: t('wizard:verdict.okTitle') });
    expect(screen.getByText(t('dashboard:renewal.needsYouHidden'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('dashboard:renewal.addAppCredentials') }));
    expect(await screen.findByRole('heading', { name: t('wizard:appCredentials.title') })).toBeTruthy();
  });

  it('is not asked when the app credentials are saved already', async () => {
    const { t } = renderApp({ bots: [expiredBot()], settings: { appCredentials: { appId: '1234567890123456' } } });
    await openWizardFor(t, 'Shop');
    await walkToGenerateToken(t);
    await pasteSixtyDayToken(t);
    expect(await screen.findByRole('heading', { name: t('wizard:verdict.okTitle') })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: t('wizard:appCredentials.title') })).toBeNull();
  });
});

describe('the dashboard says what happens next (issue 12)', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = function scrollIntoView() {}; // jsdom lays nothing out, so has no scrolling
  });

  const renews: RenewalOutlook = { kind: 'renews_itself', renewsAt: in40Days, expiresAt: in40Days };
  const hidden: RenewalOutlook = { kind: 'needs_you', reason: 'no_app_credentials', expiresAt: null };

  it('"renews itself on DATE" for a bot that does', async () => {
    const { t } = renderApp({ bots: [makeBot({ id: 'shop', name: 'Shop', renewal: renews })] });
    const card = await screen.findByRole('article', { name: 'Shop' });
    expect(card.querySelector('[data-renewal="renews_itself"]')?.textContent).toBe(t('dashboard:renewal.renewsItself', { date: in40Days }));
  });

  it('"needs you" with the one click that opens Settings at the app ID and secret, ready to type', async () => {
    const { t } = renderApp({ bots: [makeBot({ id: 'shop', name: 'Shop', renewal: hidden })] });
    const card = await screen.findByRole('article', { name: 'Shop' });
    expect(card.textContent).toContain(t('dashboard:renewal.needsYouHidden'));
    fireEvent.click(screen.getByRole('button', { name: t('dashboard:renewal.addAppCredentials') }));
    await screen.findByRole('heading', { name: t('settings:credentials.title') });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(t('settings:credentials.appId'))));
  });

  it('opens there too when the tray asks', async () => {
    const { t, fake } = renderApp({ bots: [makeBot({ id: 'shop', name: 'Shop', renewal: hidden })] });
    await screen.findByRole('article', { name: 'Shop' });
    act(() => fake.emit('openSettings', { section: 'appCredentials' }));
    await screen.findByRole('heading', { name: t('settings:credentials.title') });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(t('settings:credentials.appId'))));
  });
});
