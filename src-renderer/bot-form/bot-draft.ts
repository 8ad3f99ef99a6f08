// A connected bot's settings as the form edits them (every field a string), to and from what main expects.
// The checks mirror the contract's input schema so the owner hears about a typo before main refuses it.
import type { BotDetection, BotView, CallInput, RunSettings, StartProposalView } from '../../src-main/contract';
import { destinationsOf, otherDestinations, primaryDestination, type DestinationChoice } from './destinations';
import { effectiveShell, type ShellDraft } from './shell-choice';

export type BotFields = Omit<CallInput<'updateBot'>, 'id'>;

/** `proposal-N`: start with the Nth detected command; `command`: a start command the owner typed. */
export type RunChoice = `proposal-${number}` | 'command' | 'found' | 'custom' | 'none';

export interface BotDraft extends ShellDraft {
  name: string;
  envFile: string;
  tokenVariable: string;
  phoneNumberId: string;
  wabaId: string;
  apiVersion: string;
  runChoice: RunChoice;
  command: string;
  cwd: string;
  restartCommand: string;
  healthUrl: string;
  otherDestinations: DestinationChoice[];
}

type TextField = Exclude<keyof BotDraft, 'runChoice' | 'otherDestinations' | keyof ShellDraft>;
/** Field → the `onboarding:` key of what is wrong with it. */
export type DraftErrors = Partial<Record<TextField, string>>;

export function draftFromDetection(detection: BotDetection): BotDraft {
  const first = detection.start[0];
  return {
    name: detection.suggestedName,
    envFile: detection.envFile ?? '',
    tokenVariable: detection.tokenVariable ?? '',
    phoneNumberId: detection.phoneNumberId?.value ?? '',
    wabaId: detection.wabaId?.value ?? '',
    apiVersion: detection.apiVersion?.value ?? '',
    runChoice: first ? 'proposal-0' : 'found',
    command: first?.command ?? '',
    cwd: first?.cwd ?? '',
    restartCommand: '',
    healthUrl: '',
    shell: detection.shell.shell,
    shellPicked: false,
    shellReason: detection.shell.reason,
    otherDestinations: otherDestinations(detection.destinations, detection.envFile ?? '', detection.tokenVariable ?? ''),
  };
}

export function draftFromBot(bot: BotView): BotDraft {
  const { run } = bot;
  const runChoice: RunChoice = run.mode === 'managed' ? 'command' : run.mode;
  return {
    name: bot.name,
    envFile: bot.envFile,
    tokenVariable: bot.tokenVariable,
    phoneNumberId: bot.phoneNumberId ?? '',
    wabaId: bot.wabaId ?? '',
    apiVersion: bot.apiVersion ?? '',
    runChoice,
    command: run.mode === 'managed' ? (run.command ?? '') : '',
    cwd: run.cwd ?? '',
    restartCommand: run.mode === 'custom' ? (run.command ?? '') : '',
    healthUrl: run.healthUrl ?? '',
    // Whatever was saved counts as the owner's pick (bots saved before the choice existed ran in cmd.exe).
    shell: run.shell,
    shellPicked: true,
    shellReason: null,
    otherDestinations: otherDestinations(bot.destinations, bot.envFile, bot.tokenVariable),
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The command the chosen way of running the bot runs: a detected one, the one typed, or the restart command. */
export function commandOf(draft: BotDraft, proposals: readonly StartProposalView[]): string {
  const proposal = /^proposal-(\d+)$/.exec(draft.runChoice);
  if (proposal) return proposals[Number(proposal[1])]?.command ?? '';
  if (draft.runChoice === 'command') return draft.command;
  return draft.runChoice === 'custom' ? draft.restartCommand : '';
}

function runSettingsOf(draft: BotDraft, proposals: readonly StartProposalView[]): RunSettings {
  const healthUrl = orNull(draft.healthUrl);
  const shell = effectiveShell(draft, commandOf(draft, proposals));
  const proposal = /^proposal-(\d+)$/.exec(draft.runChoice);
  if (proposal) {
    const chosen = proposals[Number(proposal[1])];
    return { mode: 'managed', command: chosen?.command ?? null, cwd: chosen?.cwd ?? null, healthUrl, shell };
  }
  switch (draft.runChoice) {
    case 'command':
      return { mode: 'managed', command: orNull(draft.command), cwd: orNull(draft.cwd), healthUrl, shell };
    case 'custom':
      // The restart command runs in the bot's folder; the start command's folder is not shown for it.
      return { mode: 'custom', command: orNull(draft.restartCommand), cwd: null, healthUrl, shell };
    default:
      return { mode: draft.runChoice === 'none' ? 'none' : 'found', command: null, cwd: null, healthUrl, shell };
  }
}

export function fieldsOf(draft: BotDraft, proposals: readonly StartProposalView[]): BotFields {
  return {
    name: draft.name.trim(),
    envFile: draft.envFile.trim(),
    tokenVariable: draft.tokenVariable.trim(),
    phoneNumberId: orNull(draft.phoneNumberId),
    wabaId: orNull(draft.wabaId),
    apiVersion: orNull(draft.apiVersion),
    run: runSettingsOf(draft, proposals),
    destinations: destinationsOf(primaryDestination(draft.envFile, draft.tokenVariable), draft.otherDestinations),
  };
}

export function validateDraft(draft: BotDraft): DraftErrors {
  const errors: DraftErrors = {};
  const trimmed = (field: TextField) => draft[field].trim();
  if (trimmed('name') === '') errors.name = 'onboarding:form.errors.nameMissing';
  if (trimmed('envFile') === '') errors.envFile = 'onboarding:form.errors.envFileMissing';
  if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/.test(trimmed('tokenVariable'))) {
    errors.tokenVariable = 'onboarding:form.errors.variableInvalid';
  }
  if (trimmed('phoneNumberId') !== '' && !/^\d{1,32}$/.test(trimmed('phoneNumberId'))) {
    errors.phoneNumberId = 'onboarding:form.errors.digitsOnly';
  }
  if (trimmed('wabaId') !== '' && !/^\d{1,32}$/.test(trimmed('wabaId'))) errors.wabaId = 'onboarding:form.errors.digitsOnly';
  if (trimmed('apiVersion') !== '' && !/^v?\d{1,2}\.\d$/.test(trimmed('apiVersion'))) {
    errors.apiVersion = 'onboarding:form.errors.versionInvalid';
  }
  if (draft.runChoice === 'command' && trimmed('command') === '') errors.command = 'onboarding:form.errors.commandMissing';
  if (draft.runChoice === 'custom' && trimmed('restartCommand') === '') {
    errors.restartCommand = 'onboarding:form.errors.commandMissing';
  }
  if (trimmed('healthUrl') !== '' && !/^https?:\/\/\S+$/.test(trimmed('healthUrl'))) {
    errors.healthUrl = 'onboarding:form.errors.urlInvalid';
  }
  return errors;
}
