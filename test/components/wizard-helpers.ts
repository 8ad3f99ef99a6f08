// Steps through the renewal wizard the way an owner does, for the wizard tests.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export async function openWizardFor(t: Translate, botName: string): Promise<void> {
  const card = await screen.findByRole('article', { name: botName });
  fireEvent.click(card.querySelector('.bot-actions button') as HTMLButtonElement);
  await screen.findByRole('heading', { name: t('wizard:choose.title') });
}

export async function clickNext(t: Translate, label = 'wizard:guide.done'): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: t(label) }));
  await waitFor(() => expect(document.activeElement?.tagName).toBe('H2'));
}

export function tokenField(t: Translate): HTMLInputElement {
  return screen.getByLabelText(t('wizard:paste.label')) as HTMLInputElement;
}

export function typeToken(t: Translate, value: string): void {
  fireEvent.input(tokenField(t), { target: { value } });
}

export async function pasteAndCheck(t: Translate, token: string): Promise<void> {
  typeToken(t, token);
  const check = screen.getByRole('button', { name: t('wizard:paste.check') });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(check);
}

/** From the path choice to the paste step of the quick path. */
export async function walkTemporaryPath(t: Translate): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(t('wizard:choose.temporary.title')) }));
  await screen.findByRole('heading', { name: t('wizard:guide.apiSetup.title') });
  await clickNext(t);
  await clickNext(t, 'wizard:guide.copied');
  await screen.findByRole('heading', { name: t('wizard:paste.title') });
}
