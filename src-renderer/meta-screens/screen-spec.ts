// What a wizard step's picture shows: which of Meta's screens (its kind), in which state, and the numbered places
// to click with what to do there. Steps describe their picture with this data; one component per kind draws it,
// so a step can be added or changed without new drawing code.

/** The places each kind of screen can point at. */
export interface ScreenTargets {
  /** Business Settings → System users, a system user selected or not. */
  systemUsers: 'menu' | 'add' | 'user' | 'assignAssets' | 'generateToken';
  /** The "Create system user" window over the System users page. */
  createSystemUser: 'add' | 'name' | 'role' | 'create';
  /** The "Assign assets" window. */
  assignAssets: 'assetType' | 'asset' | 'fullControl' | 'save';
  /** The "Generate token" window: app, expiry, permissions. */
  generateToken: 'app' | 'expiry' | 'permissions' | 'generate';
  /** The same window once Meta shows the new token. */
  tokenReady: 'copy';
  /** developers.facebook.com/apps: the owner's apps. */
  appList: 'app';
  /** The app's dashboard on WhatsApp → API Setup. */
  apiSetup: 'menu' | 'generate' | 'copy';
  /** The app's dashboard on App settings → Basic. */
  appBasicSettings: 'menu' | 'appId' | 'showSecret';
}

export type ScreenKind = keyof ScreenTargets;

/** Meta's token expiry choices, as its "Generate token" window names them. */
export type ExpiryChoice = 'sixtyDays' | 'never';

/** What else a kind needs to know to draw its state. */
interface ScreenOptions {
  systemUsers: { selected: boolean };
  createSystemUser: object;
  assignAssets: { assetType: 'apps' | 'whatsappAccounts' };
  generateToken: { offered: readonly ExpiryChoice[]; chosen: ExpiryChoice };
  tokenReady: object;
  appList: object;
  apiSetup: { tokenShown: boolean };
  appBasicSettings: object;
}

/** One numbered mark on the picture: where, and what to do there (a `screens:say.*` key). */
export interface Callout<Target extends string = string> {
  target: Target;
  say: string;
}

export type MetaScreenSpec = {
  [Kind in ScreenKind]: { kind: Kind; callouts: readonly Callout<ScreenTargets[Kind]>[] } & ScreenOptions[Kind];
}[ScreenKind];

/** Facts about the bot a picture may show (its WhatsApp account's id, when known). */
export interface ScreenFacts {
  wabaId: string | null;
}
