// The exact Meta pages the wizard's buttons open (FACTS.md §10), prefilled where we know the ids.
// Only https URLs on Meta's hosts are ever built; the desktop shell checks the host again before opening.
import type { MetaPage } from '../contract';

export const META_HOSTS: ReadonlySet<string> = new Set([
  'developers.facebook.com',
  'business.facebook.com',
  'www.facebook.com',
  'metastatus.com',
]);

export interface MetaPageIds {
  appId?: string | null;
  wabaId?: string | null;
}

const DIGITS = /^\d{5,25}$/;

/** The URL for `page`; ids that are not plain digits are ignored rather than pasted into a URL. */
export function metaPageUrl(page: MetaPage, ids: MetaPageIds = {}): string {
  const appId = ids.appId && DIGITS.test(ids.appId) ? ids.appId : null;
  const wabaId = ids.wabaId && DIGITS.test(ids.wabaId) ? ids.wabaId : null;
  switch (page) {
    case 'apps':
      return 'https://developers.facebook.com/apps/';
    case 'api_setup':
      return appId
        ? `https://developers.facebook.com/apps/${appId}/whatsapp-business/wa-dev-console/`
        : 'https://developers.facebook.com/apps/';
    case 'app_basic_settings':
      return appId ? `https://developers.facebook.com/apps/${appId}/settings/basic/` : 'https://developers.facebook.com/apps/';
    case 'business_settings':
      return 'https://business.facebook.com/latest/settings';
    case 'system_users':
      return 'https://business.facebook.com/latest/settings/system_users';
    case 'token_debugger':
      // Never prefilled with the token: it would land in the browser's history.
      return 'https://developers.facebook.com/tools/debug/accesstoken/';
    case 'whatsapp_manager':
      return wabaId
        ? `https://business.facebook.com/wa/manage/phone-numbers/?waba_id=${wabaId}`
        : 'https://business.facebook.com/wa/manage/home/';
    case 'meta_status':
      return 'https://metastatus.com/whatsapp-business-api';
  }
}

/** True for https URLs on an allowed Meta host (exact host match; no look-alikes, no other schemes). */
export function isAllowedMetaUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && META_HOSTS.has(parsed.hostname) && parsed.port === '' && !parsed.username;
}
