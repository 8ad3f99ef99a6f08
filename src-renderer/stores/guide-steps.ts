// The guided steps of each renewal path, in order; the wizard's screens give each id its words and picture.

export type WizardPath = 'permanent' | 'temporary';
export const GUIDE_STEPS = {
  permanent: ['systemUsers', 'addSystemUser', 'assignAssets', 'generateToken', 'copyToken'],
  temporary: ['apiSetup', 'copyTemporaryToken'],
} as const satisfies Record<WizardPath, readonly string[]>;
/**
 * The temporary path when the app's ID is not known (a dead token tells Meta nothing about its app): Meta's
 * button can only open the app list, so the owner is walked from there to the app's API Setup page.
 */
export const TEMPORARY_VIA_APP_LIST = ['openApp', 'findApiSetup', 'copyTemporaryToken'] as const;
export type GuideStepId = (typeof GUIDE_STEPS)[WizardPath][number] | (typeof TEMPORARY_VIA_APP_LIST)[number];

export function guideSteps(path: WizardPath, appIdKnown: boolean): readonly GuideStepId[] {
  return path === 'temporary' && !appIdKnown ? TEMPORARY_VIA_APP_LIST : GUIDE_STEPS[path];
}
