// Words, picture and Meta page for each guided step of the two renewal paths. The order lives in the wizard
// store (GUIDE_STEPS); this says what each step shows. Meta's own button labels are quoted inside the strings.
import type { MetaPage, UserMessage } from '../../src-main/contract';
import permanentSystemUsers from '../../assets/wizard/permanent-1-system-users.svg';
import permanentAddSystemUser from '../../assets/wizard/permanent-2-add-system-user.svg';
import permanentAssignAssets from '../../assets/wizard/permanent-3-assign-assets.svg';
import permanentGenerateToken from '../../assets/wizard/permanent-4-generate-token.svg';
import permanentCopyToken from '../../assets/wizard/permanent-5-copy-token.svg';
import temporaryApiSetup from '../../assets/wizard/temporary-1-api-setup.svg';
import temporaryCopyToken from '../../assets/wizard/temporary-2-copy-token.svg';
import type { GuideStepId } from '../stores/wizard-store';

/** What the owner ticks while generating a permanent token: the expiry, then the three permissions. */
export const TOKEN_CHECKLIST = [
  'expiryNever',
  'whatsapp_business_management',
  'whatsapp_business_messaging',
  'business_management',
] as const;

export interface GuideContent {
  illustration: string;
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
    illustration: permanentSystemUsers,
    alt: 'wizard:guide.systemUsers.alt',
    title: 'wizard:guide.systemUsers.title',
    body: fixed('wizard:guide.systemUsers.body'),
    hint: 'wizard:guide.systemUsers.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: false,
  },
  addSystemUser: {
    illustration: permanentAddSystemUser,
    alt: 'wizard:guide.addSystemUser.alt',
    title: 'wizard:guide.addSystemUser.title',
    body: fixed('wizard:guide.addSystemUser.body'),
    hint: 'wizard:guide.addSystemUser.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: false,
  },
  assignAssets: {
    illustration: permanentAssignAssets,
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
    illustration: permanentGenerateToken,
    alt: 'wizard:guide.generateToken.alt',
    title: 'wizard:guide.generateToken.title',
    body: fixed('wizard:guide.generateToken.body'),
    hint: 'wizard:guide.generateToken.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: true,
  },
  copyToken: {
    illustration: permanentCopyToken,
    alt: 'wizard:guide.copyToken.alt',
    title: 'wizard:guide.copyToken.title',
    body: fixed('wizard:guide.copyToken.body'),
    hint: 'wizard:guide.copyToken.hint',
    page: 'system_users',
    openLabel: 'wizard:guide.openSystemUsers',
    checklist: false,
  },
  apiSetup: {
    illustration: temporaryApiSetup,
    alt: 'wizard:guide.apiSetup.alt',
    title: 'wizard:guide.apiSetup.title',
    body: fixed('wizard:guide.apiSetup.body'),
    hint: 'wizard:guide.apiSetup.hint',
    page: 'api_setup',
    openLabel: 'wizard:guide.openApiSetup',
    checklist: false,
  },
  copyTemporaryToken: {
    illustration: temporaryCopyToken,
    alt: 'wizard:guide.copyTemporaryToken.alt',
    title: 'wizard:guide.copyTemporaryToken.title',
    body: fixed('wizard:guide.copyTemporaryToken.body'),
    hint: 'wizard:guide.copyTemporaryToken.hint',
    page: 'api_setup',
    openLabel: 'wizard:guide.openApiSetup',
    checklist: false,
  },
};
