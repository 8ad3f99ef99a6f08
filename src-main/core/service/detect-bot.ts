// "Connect a bot": from a folder, propose everything the owner would otherwise have to know — which .env,
// which variable holds the token, the phone-number and WABA ids, the API version, how the bot starts — and
// what could stop a renewal from reaching the bot. The owner confirms or corrects; nothing is written here.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { BotDetection, DetectedValue } from '../../contract';
import { detectStartCommand, proposeCommandShell } from '../bot';
import { composeRestart, scanTokenDeliveryRisks, suggestDestinations, type ComposeRestart } from '../destinations';
import { checkGitIgnored, detectBotVariables, envValues, findEnvFiles, readEnvFile, type BotVariables } from '../envfile';
import { DoctorError } from '../errors';
import { maskToken } from '../token/mask';
import { destinationViews } from './bot-view';

function detected(variables: BotVariables, role: keyof BotVariables, values: Map<string, string>): DetectedValue | null {
  const name = variables[role].name;
  if (!name) return null;
  const value = values.get(name)?.trim() ?? '';
  return value ? { variable: name, value } : null;
}

/**
 * The start-up scan picks a compose service by its name; knowing the token variable, the destinations scan
 * knows exactly which services receive it, so its recreate command wins.
 */
function withComposeTarget<P extends { kind: string; command: string; cwd: string }>(proposal: P, compose: ComposeRestart | null): P {
  return proposal.kind === 'docker-compose' && compose ? { ...proposal, command: compose.command, cwd: compose.cwd } : proposal;
}

/** What the owner already said (the CLI's `connect --env FILE --var NAME`): detection works from there. */
export interface DetectChoices {
  /** An absolute path; it need not be one of the files the folder scan finds. */
  envFile?: string;
  tokenVariable?: string;
}

function chosenFirst(found: readonly string[], chosen: string | undefined): string[] {
  if (!chosen) return [...found];
  return [chosen, ...found.filter((path) => resolve(path) !== resolve(chosen))];
}

export async function detectBot(folder: string, choices: DetectChoices = {}): Promise<BotDetection> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    throw new DoctorError('folder_missing', { key: 'bot:errors.folderMissing', params: { folder } }, `not a folder: ${folder}`);
  }
  const found = (await findEnvFiles(folder)).filter((candidate) => !candidate.example).map((candidate) => candidate.path);
  const envFiles = chosenFirst(found, choices.envFile);
  const envFile = envFiles[0] ?? null;
  const doc = envFile ? await readEnvFile(envFile) : null;
  const [start, variables, shell] = await Promise.all([
    detectStartCommand(folder),
    doc ? detectBotVariables(doc, { folder }) : null,
    proposeCommandShell(folder),
  ]);
  const values = doc ? envValues(doc) : new Map<string, string>();
  const tokenVariable = choices.tokenVariable ?? variables?.token.name ?? null;
  const token = tokenVariable ? values.get(tokenVariable)?.trim() : undefined;
  const delivery = tokenVariable && envFile ? { tokenVariable, envFile } : null;
  const [gitignore, warnings, destinations, compose] = await Promise.all([
    envFile ? checkGitIgnored(envFile) : null,
    delivery ? scanTokenDeliveryRisks(folder, delivery) : [],
    delivery ? suggestDestinations(folder, delivery) : [],
    delivery ? composeRestart(folder, delivery) : null,
  ]);
  return {
    folder,
    suggestedName: basename(folder),
    envFiles,
    envFile,
    tokenVariable,
    tokenCandidates: variables?.token.candidates.map((candidate) => candidate.name) ?? [],
    maskedToken: token ? maskToken(token) : null,
    phoneNumberId: variables ? detected(variables, 'phoneNumberId', values) : null,
    wabaId: variables ? detected(variables, 'wabaId', values) : null,
    apiVersion: variables ? detected(variables, 'apiVersion', values) : null,
    start: start.map((proposal) => withComposeTarget(proposal, compose)).map(({ command, cwd, kind, reason, warnings: startWarnings }) => ({
      command,
      cwd,
      kind,
      reason,
      warnings: startWarnings,
    })),
    shell,
    destinations: destinationViews(destinations, folder),
    gitignore: gitignore ? { repository: gitignore.repository, ignored: gitignore.ignored } : null,
    warnings,
  };
}
