// Languages: switching sets <html lang dir> and every string; Arabic lays out right to left with ids isolated,
// and counts follow each language's plural rules.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../src-renderer/format/relative-time';
import { makeBot, makeDiagnosis } from './fake-data';
import { renderApp } from './render-app';

const DAY = 86_400_000;

describe('languages', () => {
  it('switches language from settings: strings, lang and dir change together', async () => {
    const { t, i18n } = renderApp({ bots: [makeBot({ id: 'b', name: 'Bot' })] });
    fireEvent.click(await screen.findByRole('button', { name: t('common:nav.settings') }));
    const select = await screen.findByLabelText(t('settings:general.language'));
    await waitFor(() => expect(select.querySelectorAll('option')).toHaveLength(4));

    fireEvent.change(select, { target: { value: 'ar' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(await screen.findByRole('heading', { name: i18n.getFixedT('ar')('settings:title') })).toBeTruthy();

    fireEvent.change(screen.getByLabelText(i18n.getFixedT('ar')('settings:general.language')), { target: { value: 'tr' } });
    await waitFor(() => expect(document.documentElement.lang).toBe('tr'));
    expect(document.documentElement.dir).toBe('ltr');
    expect(await screen.findByRole('heading', { name: 'Ayarlar' })).toBeTruthy();
  });

  it('starts in the language main says is in effect', async () => {
    renderApp({ language: 'ar', bots: [makeBot({ id: 'b', name: 'Bot' })] });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
  });

  it('isolates numbers and ids as left-to-right inside Arabic', async () => {
    const { i18n } = renderApp({ language: 'ar', bots: [makeBot({ id: 'b', name: 'Bot' })] });
    const card = await screen.findByRole('article', { name: 'Bot' });
    const number = within(card).getByText('+90 555 005 14 89');
    expect(number.tagName).toBe('BDI');
    expect(number.getAttribute('dir')).toBe('ltr');
    expect(within(card).getByText(i18n.getFixedT('ar')('dashboard:status.ok'))).toBeTruthy();
  });

  it('counts down in Arabic with its dual and plural forms', async () => {
    const now = Date.now();
    expect(relativeTime(new Date(now + 2 * DAY + 1000).toISOString(), now, 'ar')).toBe('خلال يومين');
    expect(relativeTime(new Date(now + 3 * DAY + 1000).toISOString(), now, 'ar')).toBe('خلال 3 أيام');
    expect(relativeTime(new Date(now + 11 * DAY + 1000).toISOString(), now, 'ar')).toBe('خلال 11 يومًا');
    expect(relativeTime(new Date(now - 2 * DAY - 1000).toISOString(), now, 'ar')).toBe('قبل يومين');
    expect(relativeTime(new Date(now + 3 * DAY + 1000).toISOString(), now, 'tr')).toBe('3 gün sonra');
    expect(relativeTime(new Date(now + 20_000).toISOString(), now, 'en')).toBeNull();

    const bot = makeBot({ id: 'b', name: 'Bot', lastDiagnosis: makeDiagnosis('expiring_soon', { expiresAt: new Date(now + 2 * DAY + 3_600_000).toISOString() }) });
    renderApp({ language: 'ar', bots: [bot] });
    const card = await screen.findByRole('article', { name: 'Bot' });
    expect(within(card).getByText('تنتهي صلاحيته خلال يومين')).toBeTruthy();
  });

  it('uses all six Arabic plural forms for counts', async () => {
    const { i18n } = renderApp({ language: 'ar' });
    const ar = i18n.getFixedT('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar('settings:general.every', { count }));
    expect(forms).toEqual(['كل 0 ساعة', 'كل ساعة', 'كل ساعتين', 'كل 3 ساعات', 'كل 11 ساعة', 'كل 100 ساعة']);
    expect(new Set(forms.map((form) => form.replace(/\d+/, 'N'))).size).toBeGreaterThanOrEqual(4);
  });

  it('writes Turkish casing into the strings rather than leaving it to CSS', async () => {
    const { i18n } = renderApp({ language: 'tr' });
    const tr = i18n.getFixedT('tr');
    expect(tr('common:actions.next')).toBe('İleri');
    expect('istanbul'.toLocaleUpperCase('tr')).toBe('İSTANBUL');
  });
});
