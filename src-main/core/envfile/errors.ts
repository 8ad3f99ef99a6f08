// The .env editor's failures as DoctorErrors: one stable code and one translated sentence per problem.
import { DoctorError } from '../errors';

export const ENV_FILE_PROBLEMS = [
  'not_found',
  'is_folder',
  'not_a_file',
  'unreadable',
  'not_utf8',
  'too_large',
  'invalid_key',
  'value_not_writable',
  'read_only',
  'write_denied',
  'folder_missing',
  'disk_full',
  'write_failed',
  'invalid_bot_id',
  'backup_not_found',
  'not_a_git_repo',
] as const;

export type EnvFileProblem = (typeof ENV_FILE_PROBLEMS)[number];

/** `technical` is English for logs and must not contain a value from the file. */
export function envFileError(
  problem: EnvFileProblem,
  technical: string,
  params: Record<string, string | number> = {},
  cause?: unknown,
): DoctorError {
  return new DoctorError(`env_${problem}`, { key: `envfile:errors.${problem}`, params }, technical, { cause });
}

function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Explains a failed write of `path`; errors that are already DoctorErrors pass through. */
export function writeError(error: unknown, path: string): DoctorError {
  if (error instanceof DoctorError) return error;
  const errno = errnoOf(error) ?? 'unknown';
  const technical = `Could not write ${path} (${errno})`;
  const params = { path };
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return envFileError('disk_full', technical, params, error);
  if (errno === 'ENOENT' || errno === 'ENOTDIR') return envFileError('folder_missing', technical, params, error);
  if (errno === 'EROFS') return envFileError('read_only', technical, params, error);
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EBUSY') {
    return envFileError('write_denied', technical, params, error);
  }
  return envFileError('write_failed', technical, params, error);
}
