// What each WhatsApp bot setting is called in real .env files, and what its value looks like. The names and
// counts come from a survey of 64 public bot repositories (test/fixtures/real-world/token-var-names.json); names seen
// only in code or docs count 0. Detection scores every variable against these rules (see detect-variables.ts).
import { checkTokenShape } from '../token/shape';

export type BotVariableRole = 'token' | 'phoneNumberId' | 'wabaId' | 'apiVersion' | 'appId' | 'appSecret' | 'baseUrl';

export const BOT_VARIABLE_ROLES: readonly BotVariableRole[] = [
  'token', 'phoneNumberId', 'wabaId', 'apiVersion', 'appId', 'appSecret', 'baseUrl',
];

export interface RoleRule {
  /** Names used for this setting, with the number of surveyed repositories using each. */
  known: Readonly<Record<string, number>>;
  /** Other names that look like this setting. */
  pattern: RegExp;
  /** A name matching only `pattern` counts only when it also names Meta/WhatsApp (see META_CONTEXT). */
  patternNeedsContext: boolean;
  /** Names that are never this setting, whatever the rest says (a verify token is never the access token). */
  excluded?: RegExp;
  /** Points for what the value looks like, with the reason given for them. */
  scoreValue(value: string): [number, string] | null;
}

/** A name that says which service it belongs to. */
export const META_CONTEXT = /WHATSAPP|(^|_)WA(_|$)|WABA|META|FACEBOOK|(^|_)FB(_|$)|GRAPH|CLOUD_?API|M4D|PYWA/i;
/** Baked into a browser bundle: usually the web front end's copy, not what the bot itself reads. */
export const CLIENT_BUNDLE_PREFIX = /^(VITE_|NEXT_PUBLIC_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_)/i;

const LONG_NUMERIC_ID = /^\d{14,20}$/;

function idValue(value: string): [number, string] | null {
  if (LONG_NUMERIC_ID.test(value)) return [20, 'numeric-id-value'];
  if (/^\+|\d \d/.test(value)) return [-20, 'phone-number-value'];
  return null;
}

const token: RoleRule = {
  known: {
    WHATSAPP_TOKEN: 13, ACCESS_TOKEN: 11, WHATSAPP_ACCESS_TOKEN: 9, WHATSAPP_CLOUD_API_TOKEN: 3,
    META_WHATSAPP_TOKEN: 2, TOKEN: 2, WHATSAPP_API_TOKEN: 2, WA_ACCESS_TOKEN: 1, WA_TOKEN: 1, WS_TOKEN: 1,
    VITE_WHATSAPP_TOKEN: 1, META_ACCESS_TOKEN: 1, systemUserAccessToken: 1, WHATSAPP_SYS_USER_ACCESS_TOKEN: 1,
    FACEBOOK_ACCESS_TOKEN: 1, WABA_TOKEN: 1, CLOUD_API_ACCESS_TOKEN: 1, admin_access_token: 1,
    GRAPH_API_TOKEN: 0, META_TOKEN: 0, API_TOKEN_WHATSAPP: 0, API_TOKEN: 0, WHATSAPP_API_ACCESS_TOKEN: 0,
    PYWA_TOKEN: 0, WHATSAPP_AUTH_TOKEN: 0, META_WHATSAPP_ACCESS_TOKEN: 0, WHATSAPP_BUSINESS_PLATFORM_API_KEY: 0,
  },
  pattern: /TOKEN/i,
  patternNeedsContext: true,
  // Verify tokens, lifecycle knobs (TTL, refresh thresholds) and keys that encrypt tokens share the word TOKEN.
  excluded:
    /VERIF|WEBHOOK_?TOKEN|HUB_?TOKEN|^MY_?TOKEN$|REFRESH|CSRF|XSRF|JWT|SESSION|RESET|TTL|DAYS|HOURS|MINUTES|_MIN$|SECONDS|INTERVAL|THRESHOLD|EXPIR|ENC(RYPT)?(_|$)|SECRET|_KEY$|_KEYS$|_ID$|_URL$|_URI$|_NAME$|_TYPE$|_PATH$|_FILE$/i,
  scoreValue(value) {
    if (checkTokenShape(value).ok) return [60, 'access-token-value'];
    if (value.startsWith('EAA')) return [25, 'access-token-placeholder'];
    if (/^(sk-|eyJ|xox[abpr]-|gh[pousr]_|IGQ|IGAA)/.test(value)) return [-10, 'other-kind-of-secret'];
    return null;
  },
};

const phoneNumberId: RoleRule = {
  known: {
    PHONE_NUMBER_ID: 14, WHATSAPP_PHONE_NUMBER_ID: 14, WHATSAPP_PHONE_ID: 3, WHATSAPP_CLOUD_API_FROM_PHONE_NUMBER: 3,
    FROM_PHONE_NUMBER_ID: 2, WA_PHONE_NUMBER_ID: 2, META_PHONE_NUMBER_ID: 1, PHONE_ID: 1, WA_PHONE_ID: 1,
    WS_PHONE_NUMBER_ID: 1, VITE_WHATSAPP_PHONE_NUMBER_ID: 1, FACEBOOK_PHONE_ID: 1, META_WHATSAPP_PHONE_NUMBER_ID: 1,
    WHATSAPP_FROM_PHONE_NUMBER_ID: 0, PYWA_PHONE_ID: 0, TEST_PHONE_NUMBER_ID: 0, WHATSAPP_BOT_PHONE_NUMBER_ID: 0,
  },
  pattern: /PHONE_?(NUMBER_?)?ID/i,
  patternNeedsContext: false,
  // The recipient's or the owner's phone number is not the sender's phone-number id.
  excluded: /RECIPIENT|(^|_)TO_|DISPLAY|ADMIN|OWNER|AGENT|SUPPORT|CUSTOMER/i,
  scoreValue: idValue,
};

const wabaId: RoleRule = {
  known: {
    WHATSAPP_BUSINESS_ACCOUNT_ID: 10, WABA_ID: 3, WHATSAPP_CLOUD_API_BUSINESS_ID: 3, WA_BUSINESS_ACCOUNT_ID: 3,
    META_WABA_ID: 1, WS_BUSINESS_ID: 1, BUSINESS_ACCOUNT_ID: 1, VITE_WHATSAPP_BUSINESS_ACCOUNT_ID: 1,
    WHATSAPP_BUSINESS_ID: 1, META_BUSINESS_ACC_ID: 0,
    // The survey also lists `businessId`, but in its one repository (real-world 021) it holds the Meta
    // business portfolio id, not the WhatsApp account id; left to the pattern, which wants a Meta word.
  },
  pattern: /WABA_?ID|BUSINESS_?(ACCOUNT|ACC)_?ID|BUSINESS_?ID/i,
  patternNeedsContext: true,
  excluded: /TOKEN|SECRET|NAME|PHONE/i,
  scoreValue: idValue,
};

const apiVersion: RoleRule = {
  known: {
    VERSION: 3, WHATSAPP_API_VERSION: 2, API_VERSION: 2, GRAPH_VERSION: 2, META_API_VERSION: 1,
    NEXT_PUBLIC_META_GRAPH_API_VERSION: 1, WHATSAPP_GRAPH_API_VERSION: 1, GRAPH_API_VERSION: 1, WA_API_VERSION: 1,
    WS_CA_VERSION: 1, WHATSAPP_VERSION: 1, CLOUD_API_VERSION: 1, META_GRAPH_API_VERSION: 0, WHATSAPP_GRAPH_VERSION: 0,
  },
  pattern: /VERSION/i,
  patternNeedsContext: true,
  excluded: /SESSION|SDK|NODE|PYTHON|SCHEMA|BUILD|INFO|(^|_)APP_VERSION|TEMPLATE/i,
  scoreValue(value) {
    if (/^v?\d{1,2}\.\d$/.test(value)) return [20, 'graph-version-value'];
    return value === '' ? null : [-10, 'not-a-graph-version'];
  },
};

const appId: RoleRule = {
  known: {
    APP_ID: 4, WHATSAPP_APP_ID: 2, META_APP_ID: 1, NEXT_PUBLIC_META_APP_ID: 1, WA_APP_ID: 1, FB_APP_ID: 1,
    clientId: 1, FACEBOOK_APP_ID: 1, M4D_APP_ID: 1,
  },
  pattern: /APP_?ID$|CLIENT_?ID$/i,
  patternNeedsContext: true,
  scoreValue: (value) => (LONG_NUMERIC_ID.test(value) ? [15, 'numeric-id-value'] : null),
};

const appSecret: RoleRule = {
  known: {
    APP_SECRET: 8, WHATSAPP_APP_SECRET: 4, META_APP_SECRET: 1, WA_APP_SECRET: 1, FB_APP_SECRET: 1,
    clientSecret: 1, FACEBOOK_APP_SECRET: 1, M4D_APP_SECRET: 1,
  },
  pattern: /APP_?SECRET$|CLIENT_?SECRET$/i,
  patternNeedsContext: true,
  scoreValue: (value) => (/^[0-9a-f]{32}$/.test(value) ? [15, 'app-secret-value'] : null),
};

const baseUrl: RoleRule = {
  known: {
    WHATSAPP_API_URL: 4, URL: 1, WHATSAPP_URL: 1, WHATSAPP_GRAPH_BASE_URL: 1, GRAPH_API_URL: 1, WA_BASE_URL: 1,
    WHATSAPP_API_BASE_URL: 0, META_API_URI: 0,
  },
  pattern: /(GRAPH|API|BASE)_?UR[LI]$/i,
  patternNeedsContext: true,
  excluded: /REDIRECT|CALLBACK|WEBHOOK|FRONTEND|MEDIA|CDN|DATABASE|MONGO|REDIS|OAUTH/i,
  scoreValue(value) {
    if (/graph\.facebook\.com/i.test(value)) return [25, 'graph-url-value'];
    return value === '' ? null : [-10, 'not-a-graph-url'];
  },
};

export const ROLE_RULES: Readonly<Record<BotVariableRole, RoleRule>> = {
  token, phoneNumberId, wabaId, apiVersion, appId, appSecret, baseUrl,
};
