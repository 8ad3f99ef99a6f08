// The places a bot's token goes besides its main .env line (another .env, a JSON or YAML key, the owner's
// command), as the form edits them: each proposed or added place can be ticked off before saving.
import type { Destination, DestinationView } from '../../src-main/contract';

export interface DestinationChoice {
  destination: Destination;
  label: string;
  included: boolean;
}

/** The bot's main place: the .env line the form's first two fields name. */
export function primaryDestination(envFile: string, variable: string): Destination {
  return { kind: 'env', file: envFile.trim(), variable: variable.trim() };
}

function samePlace(a: Destination, b: Destination): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The places other than the main .env line, all ticked: detection found the token there, or the owner added it. */
export function otherDestinations(views: readonly DestinationView[], envFile: string, variable: string): DestinationChoice[] {
  const primary = primaryDestination(envFile, variable);
  return views
    .filter((view) => !samePlace(view.destination, primary))
    .map((view) => ({ destination: view.destination, label: view.label, included: true }));
}

/**
 * What main stores: the main line first, then every ticked place; an empty list means "just the .env line"
 * (and clears places a bot had before).
 */
export function destinationsOf(primary: Destination, choices: readonly DestinationChoice[]): Destination[] {
  const included = choices.filter((choice) => choice.included).map((choice) => choice.destination);
  return included.length > 0 ? [primary, ...included] : [];
}

/** A short label for a place the owner just added, in the same form main uses (`file#key`, `$ command`). */
export function labelOf(destination: Destination): string {
  switch (destination.kind) {
    case 'env':
      return `${destination.file}#${destination.variable}`;
    case 'json':
    case 'yaml':
      return `${destination.file}#${destination.keyPath}`;
    case 'command':
      return `$ ${destination.command}`;
  }
}
