// A dry run of one destination: what writing the token there would change, and whether the write would succeed,
// worked out by reading only (the same editors, the same checks as the write), with every value masked.
import { decodeEnvBytes, envValues, inspectWrite, parseEnv, readEnvBytes, setEnvValue, type InPlaceReason } from '../envfile';
import { isDoctorError, type UserMessage } from '../errors';
import { maskToken } from '../token/mask';
import { describeDestination } from './destination-arg';
import { readJsonString, setJsonString } from './json-edit';
import { parseKeyPath } from './key-path';
import { readSettingsText } from './settings-file';
import type { Destination } from './types';
import { readYamlString, setYamlString } from './yaml-edit';

export interface DestinationPreview {
  /** As on the real run's progress line. */
  label: string;
  kind: Destination['kind'];
  /** replace / append: the file would change; unchanged: it already holds the token; command: the command would run. */
  change: 'replace' | 'append' | 'unchanged' | 'command';
  /** The line of a .env that would change. */
  line: number | null;
  /** The value there now, masked (null when there is none, or for a command). */
  before: string | null;
  /** Written into the file rather than replaced (see envfile/in-place-write.ts), and why. */
  inPlace: InPlaceReason | null;
  /** Why the real write would fail; null when it would not. */
  problem: UserMessage | null;
}

export async function previewDestination(destination: Destination, token: string, folder?: string): Promise<DestinationPreview> {
  const preview: DestinationPreview = {
    label: describeDestination(destination, folder),
    kind: destination.kind,
    change: 'command',
    line: null,
    before: null,
    inPlace: null,
    problem: null,
  };
  if (destination.kind === 'command') return preview;
  try {
    // Read as the real write reads it, so a failure is told in the same words.
    const text = destination.kind === 'env' ? decodeEnvBytes(await readEnvBytes(destination.file), destination.file) : (await readSettingsText(destination.file)).text;
    if (destination.kind === 'env') {
      const edit = setEnvValue(text, destination.variable, token);
      const current = envValues(parseEnv(text)).get(destination.variable);
      Object.assign(preview, { line: edit.line, before: current ? maskToken(current) : null });
      preview.change = edit.text === text ? 'unchanged' : edit.change === 'appended' ? 'append' : 'replace';
    } else {
      const path = parseKeyPath(destination.keyPath);
      const [read, set] = destination.kind === 'json' ? [readJsonString, setJsonString] : [readYamlString, setYamlString];
      const current = read(text, path, destination.file);
      preview.before = current ? maskToken(current) : null;
      const change = set(text, path, token, destination.file).change;
      preview.change = change === 'unchanged' ? 'unchanged' : change === 'added' ? 'append' : 'replace';
    }
    if (preview.change !== 'unchanged') preview.inPlace = (await inspectWrite(destination.file)).inPlace;
  } catch (error) {
    preview.problem = isDoctorError(error) ? error.userMessage : { key: 'renew:write.failed' };
  }
  return preview;
}
