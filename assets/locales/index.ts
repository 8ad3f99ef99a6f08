// The app's strings in English, Turkish and Arabic, shared by main (tray, notifications, CLI) and the renderer.
// Each file is one namespace; each leaf is { message, description } so translators see what a string is for.
// i18next wants plain strings, so `toI18nextResources` drops the descriptions.
import enCommon from './en/common.json';
import enDiagnosis from './en/diagnosis.json';
import enCli from './en/cli.json';
import enEnvfile from './en/envfile.json';
import enVault from './en/vault.json';
import enBot from './en/bot.json';
import enRenew from './en/renew.json';
import enShell from './en/shell.json';
import enOnboarding from './en/onboarding.json';
import enDashboard from './en/dashboard.json';
import enWizard from './en/wizard.json';
import enSettings from './en/settings.json';
import enService from './en/service.json';
import enDestinations from './en/destinations.json';
import enScreens from './en/screens.json';
import trCommon from './tr/common.json';
import trDiagnosis from './tr/diagnosis.json';
import trCli from './tr/cli.json';
import trEnvfile from './tr/envfile.json';
import trVault from './tr/vault.json';
import trBot from './tr/bot.json';
import trRenew from './tr/renew.json';
import trShell from './tr/shell.json';
import trOnboarding from './tr/onboarding.json';
import trDashboard from './tr/dashboard.json';
import trWizard from './tr/wizard.json';
import trSettings from './tr/settings.json';
import trService from './tr/service.json';
import trDestinations from './tr/destinations.json';
import trScreens from './tr/screens.json';
import arCommon from './ar/common.json';
import arDiagnosis from './ar/diagnosis.json';
import arCli from './ar/cli.json';
import arEnvfile from './ar/envfile.json';
import arVault from './ar/vault.json';
import arBot from './ar/bot.json';
import arRenew from './ar/renew.json';
import arShell from './ar/shell.json';
import arOnboarding from './ar/onboarding.json';
import arDashboard from './ar/dashboard.json';
import arWizard from './ar/wizard.json';
import arSettings from './ar/settings.json';
import arService from './ar/service.json';
import arDestinations from './ar/destinations.json';
import arScreens from './ar/screens.json';

export const LANGUAGES = ['en', 'tr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const NAMESPACES = ['common', 'diagnosis', 'cli', 'envfile', 'vault', 'bot', 'renew', 'shell', 'onboarding', 'dashboard', 'wizard', 'settings', 'service', 'destinations', 'screens'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A locale file: nested groups whose leaves carry the message and a note for translators. */
export interface LocaleEntry {
  message: string;
  description?: string;
}
export interface LocaleTree {
  [key: string]: LocaleEntry | LocaleTree;
}

export const LOCALE_FILES: Record<Language, Record<Namespace, LocaleTree>> = {
  en: {
    common: enCommon,
    diagnosis: enDiagnosis,
    cli: enCli,
    envfile: enEnvfile,
    vault: enVault,
    bot: enBot,
    renew: enRenew,
    shell: enShell,
    onboarding: enOnboarding,
    dashboard: enDashboard,
    wizard: enWizard,
    settings: enSettings,
    service: enService,
    destinations: enDestinations,
    screens: enScreens,
  },
  tr: {
    common: trCommon,
    diagnosis: trDiagnosis,
    cli: trCli,
    envfile: trEnvfile,
    vault: trVault,
    bot: trBot,
    renew: trRenew,
    shell: trShell,
    onboarding: trOnboarding,
    dashboard: trDashboard,
    wizard: trWizard,
    settings: trSettings,
    service: trService,
    destinations: trDestinations,
    screens: trScreens,
  },
  ar: {
    common: arCommon,
    diagnosis: arDiagnosis,
    cli: arCli,
    envfile: arEnvfile,
    vault: arVault,
    bot: arBot,
    renew: arRenew,
    shell: arShell,
    onboarding: arOnboarding,
    dashboard: arDashboard,
    wizard: arWizard,
    settings: arSettings,
    service: arService,
    destinations: arDestinations,
    screens: arScreens,
  },
};

export function isLocaleEntry(node: LocaleEntry | LocaleTree): node is LocaleEntry {
  return typeof (node as LocaleEntry).message === 'string';
}

type PlainTree = { [key: string]: string | PlainTree };

function toPlainTree(tree: LocaleTree): PlainTree {
  const plain: PlainTree = {};
  for (const [key, node] of Object.entries(tree)) plain[key] = isLocaleEntry(node) ? node.message : toPlainTree(node);
  return plain;
}

/** The locale files in i18next's `resources` shape: language → namespace → nested strings. */
export function toI18nextResources(): Record<Language, Record<Namespace, PlainTree>> {
  const resources = {} as Record<Language, Record<Namespace, PlainTree>>;
  for (const language of LANGUAGES) {
    resources[language] = {} as Record<Namespace, PlainTree>;
    for (const namespace of NAMESPACES) resources[language][namespace] = toPlainTree(LOCALE_FILES[language][namespace]);
  }
  return resources;
}

/**
 * The one i18next configuration, for main's instance and the renderer's alike: every namespace loaded up front
 * (synchronously), `ns:key` keys, English as the fallback. Values are not HTML-escaped: React escapes what it
 * renders, and the CLI, tray and notifications are plain text.
 */
export function i18nextOptions(language?: Language) {
  return {
    resources: toI18nextResources(),
    ...(language ? { lng: language } : {}),
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    nsSeparator: ':',
    interpolation: { escapeValue: false },
    initAsync: false,
  };
}

/** Writing direction, from the locale itself rather than a hard-coded list. */
export function textDirection(language: Language): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction: string } };
  const direction = locale.getTextInfo?.().direction ?? (language === 'ar' ? 'rtl' : 'ltr');
  return direction === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Picks our language from an ordered preference list (the OS's, or the browser's): the first preference
 * whose base language we have wins (`tr-TR` → tr, `ar-EG` → ar); English otherwise.
 */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    let base: string;
    try {
      base = new Intl.Locale(tag.replace('_', '-')).language;
    } catch {
      continue;
    }
    const match = LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}

/** The slice of an i18next instance our formatters need (main and renderer each own an instance). */
interface FormatterHost {
  services: { formatter?: { add(name: string, format: (value: unknown, lng: string | undefined) => string): void } };
}

/**
 * Dates travel from the core as ISO strings (they survive JSON and IPC); messages format them where they are
 * shown, in the reader's language: `{{expiresAt, isoDate}}` → "21 Kas 2026", `{{expiresAt, isoDateTime}}` adds the time.
 */
export function registerFormatters(i18n: FormatterHost): void {
  const format = (options: Intl.DateTimeFormatOptions) => (value: unknown, lng: string | undefined) => {
    const date = new Date(String(value));
    return Number.isNaN(date.getTime()) ? String(value) : new Intl.DateTimeFormat(lng, options).format(date);
  };
  i18n.services.formatter?.add('isoDate', format({ dateStyle: 'long' }));
  i18n.services.formatter?.add('isoDateTime', format({ dateStyle: 'long', timeStyle: 'short' }));
}
