// Words, picture and Meta page for each guided step of the two renewal paths. The order lives in the wizard
// store (GUIDE_STEPS); this says what each step shows. Meta's own button labels are quoted inside the strings,
// and each picture is data: which of Meta's screens, in which state, with numbered places to click.
import type { MetaPage, UserMessage } from '../../src-main/contract';
import type { ExpiryChoice, MetaScreenSpec } from '../meta-screens/screen-spec';
import type { GuideStepId } from '../stores/guide-steps';

/** What the owner ticks while generating a lasting token: the expiry, then the three permissions. */
export const TOKEN_CHECKLIST = [
  'expiry',
  'whatsapp_business_management',
  'whatsapp_business_messaging',
  'business_management',
] as const;

/**
 * Meta's "Generate token" window as this owner sees it: with "Never" among the choices (then chosen), or with "60
 * days" at most (new setups since 2026, FACTS.md §0 #5; then "60 days" is chosen and the token renews itself).
 */
export function generateTokenScreen(offer: ExpiryChoice): MetaScreenSpec {
  const offered: readonly ExpiryChoice[] = offer === 'never' ? ['sixtyDays', 'never'] : ['sixtyDays'];
  return {
    kind: 'generateToken',
    offered,
    chosen: offer,
    callouts: [
      { target: 'app', say: 'screens:say.chooseApp' },
      { target: 'expiry', say: SAY_EXPIRY[offer] },
      { target: 'permissions', say: 'screens:say.permissions' },
      { target: 'generate', say: 'screens:say.generate' },
    ],
  };
}
const SAY_EXPIRY: Record<ExpiryChoice, string> = {
  sixtyDays: 'screens:say.expirySixtyDays',
  never: 'screens:say.expiryNever',
};

export interface GuideContent {
  screen: MetaScreenSpec;
  /** The picture as this owner will see it, for the step that depends on what Meta's expiry list offers. */
  screenFor?: (offer: ExpiryChoice) => MetaScreenSpec;
  alt: string;
  title: string;
  body: (facts: { wabaId: string | null }) => UserMessage;
  hint: string | null;
  /** Every step can reopen its Meta page, in case the owner closed the browser tab. */
  page: MetaPage;
  openLabel: string;
  checklist: boolean;
}

const fixed = (key: string) => () => ({ key });

export const GUIDE_CONTENT: Record<GuideStepId, GuideContent> = {
  systemUsers: {
    screen: { kind: 'systemUsers', selected: false, callouts: [{ target: 'menu', say: 'screens:say.systemUsersMenu' }] },
    alt: 'wizard:guide.systemUsers.alt',
    title: 'wizard:guide.systemUsers.title',
    body: fixed('wizard:guide.systemUsers.body'),
    hint: 'wizard:guide.systemUsers.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: false,
  },
  addSystemUser: {
    screen: {
      kind: 'createSystemUser',
      callouts: [
        { target: 'add', say: 'screens:say.add' },
        { target: 'name', say: 'screens:say.name' },
        { target: 'role', say: 'screens:say.role' },
        { target: 'create', say: 'screens:say.create' },
      ],
    },
    alt: 'wizard:guide.addSystemUser.alt',
    title: 'wizard:guide.addSystemUser.title',
    body: fixed('wizard:guide.addSystemUser.body'),
    hint: 'wizard:guide.addSystemUser.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: false,
  },
  assignAssets: {
    screen: {
      kind: 'assignAssets',
      assetType: 'whatsappAccounts',
      callouts: [
        { target: 'assetType', say: 'screens:say.assetType' },
        { target: 'asset', say: 'screens:say.asset' },
        { target: 'fullControl', say: 'screens:say.fullControl' },
        { target: 'save', say: 'screens:say.save' },
      ],
    },
    alt: 'wizard:guide.assignAssets.alt',
    title: 'wizard:guide.assignAssets.title',
    body: ({ wabaId }) =>
      wabaId ? { key: 'wizard:guide.assignAssets.bodyWithAccount', params: { wabaId } } : { key: 'wizard:guide.assignAssets.body' },
    hint: 'wizard:guide.assignAssets.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: false,
  },
  generateToken: {
    screen: generateTokenScreen('sixtyDays'),
    screenFor: generateTokenScreen,
    alt: 'wizard:guide.generateToken.alt',
    title: 'wizard:guide.generateToken.title',
    body: fixed('wizard:guide.generateToken.body'),
    hint: 'wizard:guide.generateToken.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: true,
  },
  copyToken: {
    screen: { kind: 'tokenReady', callouts: [{ target: 'copy', say: 'screens:say.copy' }] },
    alt: 'wizard:guide.copyToken.alt',
    title: 'wizard:guide.copyToken.title',
    body: fixed('wizard:guide.copyToken.body'),
    hint: 'wizard:guide.copyToken.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: false,
  },
  apiSetup: {
    screen: { kind: 'apiSetup', tokenShown: false, callouts: [{ target: 'generate', say: 'screens:say.generateAccessToken' }] },
    alt: 'wizard:guide.apiSetup.alt',
    title: 'wizard:guide.apiSetup.title',
    body: fixed('wizard:guide.apiSetup.body'),
    hint: 'wizard:guide.apiSetup.hint',
    page: 'api_setup',
    openLabel: 'wizard:guide.openApiSetup',
    checklist: false,
  },
  openApp: {
    screen: { kind: 'appList', callouts: [{ target: 'app', say: 'screens:say.openApp' }] },
    alt: 'wizard:guide.openApp.alt',
    title: 'wizard:guide.openApp.title',
    body: fixed('wizard:guide.openApp.body'),
    hint: 'wizard:guide.openApp.hint',
    page: 'apps',
    openLabel: 'wizard:guide.openApps',
    checklist: false,
  },
  findApiSetup: {
    screen: {
      kind: 'apiSetup',
      tokenShown: false,
      callouts: [
        { target: 'menu', say: 'screens:say.apiSetupMenu' },
        { target: 'generate', say: 'screens:say.generateAccessToken' },
      ],
    },
    alt: 'wizard:guide.findApiSetup.alt',
    title: 'wizard:guide.findApiSetup.title',
    body: fixed('wizard:guide.findApiSetup.body'),
    hint: 'wizard:guide.apiSetup.hint',
    page: 'apps',
    openLabel: 'wizard:guide.openApps',
    checklist: false,
  },
  copyTemporaryToken: {
    screen: { kind: 'apiSetup', tokenShown: true, callouts: [{ target: 'copy', say: 'screens:say.copy' }] },
    alt: 'wizard:guide.copyTemporaryToken.alt',
    title: 'wizard:guide.copyTemporaryToken.title',
    body: fixed('wizard:guide.copyTemporaryToken.body'),
    hint: 'wizard:guide.copyTemporaryToken.hint',
    page: 'api_setup',
    openLabel: 'wizard:guide.openApiSetup',
    checklist: false,
  },
};
