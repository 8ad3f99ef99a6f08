// Reads a bot's settings file (.env, JSON, YAML) as exact UTF-8 text through the .env editor's checked reader,
// with messages that speak of "the settings file" rather than of ".env" for the JSON and YAML kinds.
import { decodeEnvBytes, readEnvBytes } from '../envfile';
import { isDoctorError } from '../errors';
import { destinationError, type DestinationProblem } from './errors';

const SAID_AS_ENV: Record<string, DestinationProblem> = {
  env_not_found: 'file_missing',
  env_is_folder: 'file_is_folder',
  env_not_a_file: 'file_not_regular',
  env_too_large: 'file_too_large',
};

export interface SettingsText {
  bytes: Uint8Array;
  text: string;
}

export async function readSettingsText(path: string): Promise<SettingsText> {
  try {
    const bytes = await readEnvBytes(path);
    return { bytes, text: decodeEnvBytes(bytes, path) };
  } catch (error) {
    const problem = isDoctorError(error) ? SAID_AS_ENV[error.code] : undefined;
    if (!problem || !isDoctorError(error)) throw error;
    throw destinationError(problem, error.message, error.userMessage.params ?? { path }, error);
  }
}
