// The .env editor: lossless parsing, one-value edits, bot-variable detection (and, in their own modules,
// atomic writes, backups and the git-ignore check).
export type { EnvDocument, EnvEntry, EnvSegment, EnvOtherSegment, QuoteStyle, Newline } from './types';
export { parseEnv, serializeEnv, envValues, findEntries } from './parse';
export { readEnvFile, readEnvBytes, decodeEnvBytes, MAX_ENV_FILE_BYTES } from './read';
export { setEnvValue, type EnvValueChange } from './edit';
export { envFileError, type EnvFileProblem } from './errors';
export { findEnvFiles, type EnvFileCandidate } from './detect-files';
export {
  detectBotVariables,
  rankBotVariables,
  type BotVariables,
  type VariableDetection,
  type VariableCandidate,
  type DetectionConfidence,
} from './detect-variables';
export { BOT_VARIABLE_ROLES, type BotVariableRole } from './variable-roles';
export { scanCodeForEnvReads, envReadsInSource, type CodeReads } from './code-reads';
