import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, openAllowedExternalUrl } from '../../../src-main/electron/security/external-url';

describe('the external URL allowlist', () => {
  it.each([
    'https://developers.facebook.com/apps/',
    'https://business.facebook.com/settings/system-users?business_id=123',
    'https://www.facebook.com/',
    'https://metastatus.com/',
    'https://DEVELOPERS.facebook.com/tools/debug/accesstoken/',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://developers.facebook.com/apps/'],
    ['another host', 'https://example.com/'],
    ['a look-alike suffix', 'https://developers.facebook.com.evil.io/apps/'],
    ['the host hidden in the path', 'https://evil.io/developers.facebook.com'],
    ['a sibling subdomain', 'https://m.facebook.com/'],
    ['the bare parent domain', 'https://facebook.com/'],
    ['a trailing dot', 'https://developers.facebook.com./apps'],
    ['credentials before the host', 'https://developers.facebook.com@evil.io/'],
    ['user info on an allowed host', 'https://user:pass@developers.facebook.com/'],
    ['a custom port', 'https://developers.facebook.com:8443/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['not a URL', 'developers.facebook.com/apps'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('hands only allowed URLs to the browser and throws a coded error for the others', async () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    await openAllowedExternalUrl(shell, 'https://developers.facebook.com/apps/');
    await expect(openAllowedExternalUrl(shell, 'https://developers.facebook.com.evil.io/')).rejects.toMatchObject({
      code: 'url_not_allowed',
    });
    await expect(openAllowedExternalUrl(shell, 'javascript:alert(1)')).rejects.toMatchObject({ code: 'url_not_allowed' });
    expect(opened).toEqual(['https://developers.facebook.com/apps/']);
  });
});
