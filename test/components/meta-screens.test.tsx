// The wizard's drawings of Meta's screens: every step's picture shows Meta's own words from the locale files,
// rings and numbers exactly the places its step names, lists what to do there in the owner's language, and is
// one image (with the step's alt text) for assistive technology.
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../assets/locales';
import { createI18n } from '../../src-renderer/app/i18n';
import { MetaScreen } from '../../src-renderer/meta-screens/MetaScreen';
import type { MetaScreenSpec } from '../../src-renderer/meta-screens/screen-spec';
import { GUIDE_CONTENT } from '../../src-renderer/wizard/guide-content';

function draw(spec: MetaScreenSpec, language: Language = 'en', wabaId: string | null = null) {
  const i18n = createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <MetaScreen spec={spec} alt="the picture" facts={{ wabaId }} />
    </I18nextProvider>,
  );
  return { t: (key: string) => i18n.t(key), drawing: screen.getByRole('img', { name: 'the picture' }) };
}

const STEPS = Object.entries(GUIDE_CONTENT).map(([step, content]) => ({ step, spec: content.screen }));

describe('pictures of Meta’s screens', () => {
  it.each(STEPS)('$step: rings and numbers exactly the places its step names, in order', ({ spec }) => {
    const { drawing } = draw(spec);
    const marked = [...drawing.querySelectorAll('.meta-target--marked')];
    expect(marked.map((target) => target.getAttribute('data-target')).sort()).toEqual(spec.callouts.map((c) => c.target).sort());
    for (const [index, callout] of spec.callouts.entries()) {
      const target = drawing.querySelector(`[data-target="${callout.target}"]`);
      expect(target?.querySelector('.meta-target__number')?.textContent).toBe(String(index + 1));
    }
  });

  it.each(STEPS)('$step: says what to do at each mark, in the owner’s language, in the same order', ({ spec }) => {
    for (const language of ['en', 'tr', 'ar'] as const) {
      const { t } = draw(spec, language);
      const items = within(screen.getAllByRole('list').at(-1)!).getAllByRole('listitem');
      expect(items.map((item) => item.textContent)).toEqual(spec.callouts.map((callout, index) => `${index + 1}${t(callout.say)}`));
      document.body.innerHTML = '';
    }
  });

  it('draws Meta’s words from the locale files, never from the code', () => {
    // Where Meta still offers "Never", the window lists both choices.
    const { drawing, t } = draw(GUIDE_CONTENT.generateToken.screenFor!('never'));
    for (const key of ['screens:meta.generateToken', 'screens:meta.tokenExpiration', 'screens:meta.never', 'screens:meta.sixtyDays', 'screens:meta.permissions']) {
      expect(drawing.textContent).toContain(t(key));
    }
    for (const permission of ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging']) {
      expect(drawing.textContent).toContain(permission);
    }
  });

  it('ticks the expiry its step asks for and no other: "Never" where Meta offers it, otherwise "60 days" (issue 12)', () => {
    for (const offer of ['never', 'sixtyDays'] as const) {
      const spec = GUIDE_CONTENT.generateToken.screenFor!(offer);
      if (spec.kind !== 'generateToken') throw new Error('the Generate token step draws the Generate token window');
      const { drawing, t } = draw(spec);
      const expiry = drawing.querySelector('[data-target="expiry"]')!;
      const rows = [...expiry.querySelectorAll('.meta-row')];
      const chosen = rows.filter((row) => row.querySelector('.meta-tick--on'));
      expect(chosen.map((row) => row.textContent)).toEqual([t(offer === 'never' ? 'screens:meta.never' : 'screens:meta.sixtyDays')]);
      expect(rows.some((row) => row.textContent === t('screens:meta.never'))).toBe(offer === 'never');
      document.body.innerHTML = '';
    }
    // What a new setup sees is the default picture.
    expect(GUIDE_CONTENT.generateToken.screen).toEqual(GUIDE_CONTENT.generateToken.screenFor!('sixtyDays'));
  });

  it('shows the bot’s WhatsApp account id in the Assign assets window when it is known', () => {
    const { drawing } = draw(GUIDE_CONTENT.assignAssets.screen, 'en', '61584672189701');
    expect(within(drawing).getByText('61584672189701')).toBeTruthy();
  });

  it('holds nothing a keyboard or a screen reader would stop at inside the drawing', () => {
    for (const { spec } of STEPS) {
      const { drawing } = draw(spec);
      expect(drawing.querySelectorAll('button, a, input, select, [tabindex]')).toHaveLength(0);
      document.body.innerHTML = '';
    }
  });
});
