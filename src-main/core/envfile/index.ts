// The .env editor: lossless parsing, one-value edits, atomic writes with backups, the git-ignore check, and
// detection of a bot's .env files and variables.
export type { EnvDocument, EnvEntry, EnvSegment, EnvOtherSegment, QuoteStyle, Newline } from './types';
export { parseEnv, serializeEnv, envValues, findEntries } from './parse';
export { readEnvFile, readEnvBytes, decodeEnvBytes, MAX_ENV_FILE_BYTES } from './read';
export { setEnvValue, type EnvValueChange } from './edit';
export { envFileError, type EnvFileProblem } from './errors';
export { writeFileAtomic, inspectWrite, type AtomicWriteOptions, type AtomicWriteResult } from './atomic-write';
export type { InPlaceReason } from './in-place-write';
export { EnvBackups, DEFAULT_BACKUPS_KEPT, type EnvBackup, type EnvBackupsOptions } from './backups';
export { updateEnvFile, restoreEnvFile, type EnvUpdateOptions, type EnvUpdateResult } from './update';
export { checkGitIgnored, addToGitIgnore, type GitIgnoreStatus } from './gitignore';
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
