// The renewal wizard's guided part: the path choice, one action per step with its picture and its Meta page,
// the permission checklist, focus on each step's heading, Back/Next and Esc.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppRoot } from '../../src-renderer/app/AppRoot';
import { createI18n } from '../../src-renderer/app/i18n';
import { connectToMain } from '../../src-renderer/app/start';
import { createStores } from '../../src-renderer/stores/stores';
import { FakeDoctor } from './fake-doctor';
import { makeBot, makeDiagnosis } from './fake-data';
import { renderApp } from './render-app';
import { GUIDE_CONTENT } from '../../src-renderer/wizard/guide-content';
import type { GuideStepId } from '../../src-renderer/stores/guide-steps';
import { clickNext, openWizardFor, walkTemporaryPath } from './wizard-helpers';

const expiredBot = () => makeBot({ id: 'shop', name: 'Shop', lastDiagnosis: makeDiagnosis('expired') });

/** The step's drawing is on screen, named by its alt text, with its numbered places to click. */
function expectPictureOf(t: (key: string) => string, step: GuideStepId): void {
  const drawing = screen.getByLabelText(t(`wizard:guide.${step}.alt`));
  expect(drawing.getAttribute('role')).toBe('img');
  const marked = [...drawing.querySelectorAll('.meta-target--marked')].map((target) => target.getAttribute('data-target'));
  expect(marked.sort()).toEqual(GUIDE_CONTENT[step].screen.callouts.map((callout) => callout.target).sort());
}

describe('wizard paths', () => {
  it('walks the permanent path step by step, each with its picture, its Meta page and focus on its heading', async () => {
    const { t, fake } = renderApp({ bots: [expiredBot()] });
    await openWizardFor(t, 'Shop');
    expect(screen.getByText(t('wizard:choose.permanent.body'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: new RegExp(t('wizard:choose.permanent.title')) }));

    const steps = ['systemUsers', 'addSystemUser', 'assignAssets', 'generateToken', 'copyToken'];
    for (const [index, step] of steps.entries()) {
      const heading = await screen.findByRole('heading', { name: t(`wizard:guide.${step}.title`) });
      await waitFor(() => expect(document.activeElement).toBe(heading));
      expect(screen.getByText(t('wizard:stepCount', { current: index + 1, total: 5 }))).toBeTruthy();
      expectPictureOf(t, step as GuideStepId);
      fireEvent.click(screen.getByRole('button', { name: t('wizard:guide.openSystemUsers') }));
      // The browser may open behind the app: the click answers on screen.
      expect(await screen.findByText(t('common:openedInBrowser'))).toBeTruthy();
      if (step === 'assignAssets') {
        expect(screen.getByText(t('wizard:guide.assignAssets.bodyWithAccount', { wabaId: '61584672189701' }))).toBeTruthy();
      }
      if (step === 'generateToken') {
        for (const scope of ['whatsapp_business_management', 'whatsapp_business_messaging', 'business_management']) {
          fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(`^${scope}`) }));
        }
        expect(screen.getByText(t('wizard:checklist.progress', { done: 3, total: 4 }))).toBeTruthy();
      }
      if (index < steps.length - 1) await clickNext(t);
    }
    await waitFor(() => expect(fake.callsTo('openMetaPage')).toHaveLength(5));
    expect(fake.callsTo('openMetaPage')[0]).toEqual({ page: 'system_users', botId: 'shop' });
    await clickNext(t, 'wizard:guide.copied');
    expect(screen.getByRole('heading', { name: t('wizard:paste.title') })).toBeTruthy();
  }, 15_000);

  it('walks the quick path to the API Setup page', async () => {
    const { t, fake } = renderApp({ bots: [expiredBot()] });
    await openWizardFor(t, 'Shop');
    expect(screen.getByText(t('wizard:choose.temporary.warning'))).toBeTruthy();
    await walkTemporaryPath(t);
    expect(fake.callsTo('openMetaPage')).toEqual([]);
  });

  it('walks from the app list to API Setup when the app is not known, each step with its picture', async () => {
    const unknownApp = makeBot({ id: 'shop', name: 'Shop', lastDiagnosis: makeDiagnosis('expired', { appId: null }) });
    const { t, fake } = renderApp({ bots: [unknownApp] });
    await openWizardFor(t, 'Shop');
    fireEvent.click(screen.getByRole('button', { name: new RegExp(t('wizard:choose.temporary.title')) }));
    const steps: GuideStepId[] = ['openApp', 'findApiSetup', 'copyTemporaryToken'];
    for (const [index, step] of steps.entries()) {
      expect(await screen.findByRole('heading', { name: t(`wizard:guide.${step}.title`) })).toBeTruthy();
      expect(screen.getByText(t('wizard:stepCount', { current: index + 1, total: 3 }))).toBeTruthy();
      expectPictureOf(t, step);
      if (index < steps.length - 1) await clickNext(t);
    }
    fireEvent.click(screen.getByRole('button', { name: t('wizard:guide.openApiSetup') }));
    await clickNext(t, 'common:actions.back');
    fireEvent.click(screen.getByRole('button', { name: t('wizard:guide.openApps') }));
    await waitFor(() => expect(fake.callsTo('openMetaPage')).toEqual([{ page: 'api_setup', botId: 'shop' }, { page: 'apps', botId: 'shop' }]));
  }, 15_000);

  it('opens API Setup directly once the app is known from the saved app credentials', async () => {
    const unknownApp = makeBot({ id: 'shop', name: 'Shop', lastDiagnosis: makeDiagnosis('expired', { appId: null }) });
    const { t } = renderApp({ bots: [unknownApp], settings: { appCredentials: { appId: '1234567890123456' } } });
    await openWizardFor(t, 'Shop');
    await walkTemporaryPath(t);
  });

  it('says so when Meta’s page could not be opened, instead of seeming to do nothing', async () => {
    const { t } = renderApp({ bots: [expiredBot()], failures: { openMetaPage: { code: 'internal', key: 'common:errors.internal' } } });
    await openWizardFor(t, 'Shop');
    fireEvent.click(screen.getByRole('button', { name: new RegExp(t('wizard:choose.permanent.title')) }));
    fireEvent.click(await screen.findByRole('button', { name: t('wizard:guide.openSystemUsers') }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('common:errors.internal'));
    expect(screen.queryByText(t('common:openedInBrowser'))).toBeNull();
  });

  it('goes back step by step to the path choice', async () => {
    const { t } = renderApp({ bots: [expiredBot()] });
    await openWizardFor(t, 'Shop');
    await walkTemporaryPath(t);
    await clickNext(t, 'common:actions.back');
    expect(screen.getByRole('heading', { name: t('wizard:guide.copyTemporaryToken.title') })).toBeTruthy();
    await clickNext(t, 'common:actions.back');
    await clickNext(t, 'common:actions.back');
    expect(screen.getByRole('heading', { name: t('wizard:choose.title') })).toBeTruthy();
  });

  it('closes with Esc and forgets where it was', async () => {
    const { t, stores } = renderApp({ bots: [expiredBot()] });
    await openWizardFor(t, 'Shop');
    fireEvent.click(screen.getByRole('button', { name: new RegExp(t('wizard:choose.permanent.title')) }));
    await screen.findByRole('heading', { name: t('wizard:guide.systemUsers.title') });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(await screen.findByRole('heading', { name: t('dashboard:title') })).toBeTruthy();
    expect(stores.wizard.getState().botId).toBeNull();
    expect(stores.wizard.getState().stage).toBe('choose');
  });

  it('opens for the bot a notification asked about', async () => {
    const { t, fake, stores } = renderApp({ bots: [expiredBot(), makeBot({ id: 'other', name: 'Other' })] });
    await screen.findByRole('article', { name: 'Other' });
    fake.emit('openWizard', { botId: 'other' });
    expect(await screen.findByRole('heading', { name: t('wizard:choose.title') })).toBeTruthy();
    expect(stores.wizard.getState().botId).toBe('other');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Other');
  });
});

describe('a notification click at start-up', () => {
  it('opens the wizard even when main asks before anything has rendered', async () => {
    const fake = new FakeDoctor({ bots: [expiredBot()], settings: { effectiveLanguage: 'en' } });
    const stores = createStores(fake.api);
    const i18n = createI18n('en');
    connectToMain(stores);
    // Main sends it right after the page loaded, which can be before React's first commit.
    fake.emit('openWizard', { botId: 'shop' });
    render(<AppRoot stores={stores} i18n={i18n} />);
    expect(await screen.findByText(i18n.t('wizard:choose.permanent.body'))).toBeTruthy();
  });
});
