// Pasting a token: the instant shape check in words, the clipboard offer, Meta's verdict with the fix for each
// problem, and the promise that the renderer never keeps the full token once it was submitted.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeBot, makeDiagnosis, TOKENS } from './fake-data';
import { allStoreState, renderApp } from './render-app';
import { clickNext, openWizardFor, pasteAndCheck, tokenField, typeToken, walkTemporaryPath } from './wizard-helpers';

const expiredBot = () => makeBot({ id: 'shop', name: 'Shop', lastDiagnosis: makeDiagnosis('expired') });

async function atPasteStep(options: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp({ bots: [expiredBot()], ...options });
  await openWizardFor(app.t, 'Shop');
  await walkTemporaryPath(app.t);
  return app;
}

describe('pasting the new token', () => {
  it.each([
    // A single-line field drops the line break itself; what survives of a wrapped token is the space.
    ['has_whitespace', `${TOKENS.permanent.slice(0, 120)} ${TOKENS.permanent.slice(120)}`, 'wizard:shape.hasWhitespace'],
    ['instagram_token', `IGAA${TOKENS.permanent.slice(4)}`, 'wizard:shape.instagramToken'],
    ['too_short', TOKENS.permanent.slice(0, 60), 'wizard:shape.tooShort'],
    ['truncated', 'EAAQ…sBQJm', 'wizard:shape.truncated'],
  ])('says in words what is wrong with a token that %s', async (_problem, pasted, message) => {
    const { t } = await atPasteStep();
    typeToken(t, pasted);
    expect(await screen.findByText(t(message))).toBeTruthy();
    expect((screen.getByRole('button', { name: t('wizard:paste.check') }) as HTMLButtonElement).disabled).toBe(true);
    expect(tokenField(t).getAttribute('aria-invalid')).toBe('true');
  });

  it('confirms a well-shaped token by its masked form, and shows or hides it', async () => {
    const { t } = await atPasteStep();
    expect(tokenField(t).type).toBe('password');
    typeToken(t, TOKENS.permanent);
    expect(await screen.findByText(t('wizard:shape.ok', { count: TOKENS.permanent.length }))).toBeTruthy();
    expect(screen.getByText('EAAQ…sBQJm')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('wizard:paste.show') }));
    expect(tokenField(t).type).toBe('text');
  });

  it('keeps no full token anywhere in the renderer after submit', async () => {
    const { t, stores, fake } = await atPasteStep();
    await pasteAndCheck(t, TOKENS.permanent);
    await screen.findByRole('heading', { name: t('wizard:verdict.okTitle') });
    expect(fake.receivedTokens).toEqual([TOKENS.permanent]);
    expect(allStoreState(stores)).not.toContain(TOKENS.permanent);
    expect(allStoreState(stores)).toContain(stores.wizard.getState().verdict?.pendingId ?? 'no pending id');
    expect(document.body.innerHTML).not.toContain(TOKENS.permanent);

    fireEvent.click(screen.getByRole('button', { name: t('wizard:verdict.apply') }));
    await screen.findByRole('heading', { name: t('wizard:success.title') });
    expect(allStoreState(stores)).not.toContain(TOKENS.permanent);
    expect(document.body.innerHTML).not.toContain(TOKENS.permanent);
  });

  it('offers the clipboard’s token by its masked form and sends only the offer', async () => {
    const { t, fake, stores } = await atPasteStep({ clipboard: TOKENS.permanent });
    const offer = await screen.findByRole('button', { name: `${t('wizard:paste.useClipboard')} EAAQ…sBQJm` });
    fireEvent.click(offer);
    await screen.findByRole('heading', { name: t('wizard:verdict.okTitle') });
    expect(fake.callsTo('submitToken')).toEqual([{ botId: 'shop', clipboardOfferId: 'clipboard-1' }]);
    expect(allStoreState(stores)).not.toContain(TOKENS.permanent);
  });

  it('says a temporary token once, in amber, with one way to a long-lasting one', async () => {
    const { t } = await atPasteStep();
    await pasteAndCheck(t, TOKENS.temporary);
    await screen.findByRole('heading', { name: t('wizard:verdict.temporaryTitle') });
    // One message: no green "works" box, no repeated warning, no recipe.
    const boxes = [...document.querySelectorAll('.wizard-stage .banner')];
    expect(boxes.map((box) => box.className)).toEqual(['banner banner--warning']);
    expect(boxes[0]?.textContent).toContain(t('dashboard:expiry.worksForHours', { count: 20 }));
    expect(screen.queryByText(t('diagnosis:warning.temporary_token'))).toBeNull();
    expect(screen.getByRole('button', { name: new RegExp(t('wizard:verdict.applyForNow')) }).className).toBe('button');
    expect(screen.getByRole('button', { name: t('wizard:verdict.getPermanent') }).className).toContain('button--primary');
    fireEvent.click(screen.getByRole('button', { name: t('wizard:verdict.getPermanent') }));
    expect(await screen.findByRole('heading', { name: t('wizard:guide.systemUsers.title') })).toBeTruthy();
  });

  it('says so when the owner pastes the token the bot already has, and will not put it in place', async () => {
    const { t } = await atPasteStep({ botTokens: { shop: TOKENS.permanent } });
    await pasteAndCheck(t, TOKENS.permanent);
    await screen.findByRole('heading', { name: t('wizard:verdict.sameAsBotTitle') });
    expect(screen.getByText(t('wizard:verdict.sameAsBot'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('wizard:verdict.apply') })).toBeNull();
    await clickNext(t, 'wizard:verdict.showHowToMakeOne');
    expect(screen.getByRole('heading', { name: t('wizard:guide.systemUsers.title') })).toBeTruthy();
  });

  it('names the box to tick when a permission is missing, and leads back to that step', async () => {
    const { t } = await atPasteStep();
    await pasteAndCheck(t, TOKENS.missingScopes);
    await screen.findByRole('heading', { name: t('wizard:verdict.badTitle') });
    expect(screen.getByText(t('wizard:verdict.missingScopes', { count: 1 }))).toBeTruthy();
    const scopes = document.querySelector('.scope-list') as HTMLElement;
    expect(within(scopes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['whatsapp_business_messaging']);
    expect(screen.queryByRole('button', { name: t('wizard:verdict.apply') })).toBeNull();
    await clickNext(t, 'wizard:verdict.showGenerateStep');
    expect(screen.getByRole('heading', { name: t('wizard:guide.generateToken.title') })).toBeTruthy();
  });

  it('names the WhatsApp account to assign when the token covers another one', async () => {
    const { t } = await atPasteStep();
    await pasteAndCheck(t, TOKENS.wrongAccount);
    await screen.findByRole('heading', { name: t('wizard:verdict.badTitle') });
    expect(screen.getByText(t('wizard:verdict.assignAccount', { wabaId: '61584672189701' }))).toBeTruthy();
    await clickNext(t, 'wizard:verdict.showAssignStep');
    expect(screen.getByRole('heading', { name: t('wizard:guide.assignAssets.title') })).toBeTruthy();
  });

  it('explains a submit that failed and lets the owner paste again', async () => {
    const { t } = await atPasteStep({ failures: { submitToken: { code: 'network_error', key: 'diagnosis:summary.network_error.dns' } } });
    await pasteAndCheck(t, TOKENS.permanent);
    expect(await screen.findByText(t('diagnosis:summary.network_error.dns'))).toBeTruthy();
    await waitFor(() => expect(tokenField(t).value).toBe(''));
  });
});
