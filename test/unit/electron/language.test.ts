import { describe, expect, it, vi } from 'vitest';
import { AppLanguage, resolveAppLanguage } from '../../../src-main/electron/language';

describe('the app language', () => {
  it("is the owner's choice when there is one", () => {
    expect(resolveAppLanguage('ar', ['tr-TR', 'en-US'])).toBe('ar');
  });

  it("otherwise follows the OS's preference list, first supported language first", () => {
    expect(resolveAppLanguage(null, ['de-DE', 'tr-TR', 'en-US'])).toBe('tr');
    expect(resolveAppLanguage(null, ['ar-EG'])).toBe('ar');
    expect(resolveAppLanguage(null, ['de-DE', 'fr-FR'])).toBe('en');
    expect(resolveAppLanguage(null, [])).toBe('en');
  });

  it('tells listeners when a settings change really changes it', () => {
    const language = new AppLanguage(() => ['tr-TR']);
    const heard = vi.fn();
    language.onChange(heard);
    expect(language.current).toBe('tr');
    language.applyChoice(null);
    expect(heard).not.toHaveBeenCalled();
    language.applyChoice('ar');
    expect(language.current).toBe('ar');
    expect(heard).toHaveBeenCalledWith('ar');
    language.applyChoice(null);
    expect(language.current).toBe('tr');
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
