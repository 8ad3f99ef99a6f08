// The destinations' failures as DoctorErrors: one stable code and one translated sentence per problem.
import { DoctorError } from '../errors';

export type DestinationProblem =
  | 'arg_empty'
  | 'arg_unknown_kind'
  | 'arg_missing_file'
  | 'arg_missing_key'
  | 'arg_empty_command'
  | 'arg_token_in_command'
  | 'key_path_invalid'
  | 'file_missing'
  | 'file_is_folder'
  | 'file_not_regular'
  | 'file_too_large'
  | 'json_invalid'
  | 'yaml_invalid'
  | 'key_missing'
  | 'key_not_container'
  | 'value_not_text'
  | 'yaml_through_alias'
  | 'value_not_writable'
  | 'command_failed'
  | 'command_timed_out'
  | 'command_not_started';

/** `technical` is English for logs and must not contain a token or any value read from a file. */
export function destinationError(
  problem: DestinationProblem,
  technical: string,
  params: Record<string, string | number> = {},
  cause?: unknown,
): DoctorError {
  return new DoctorError(`dest_${problem}`, { key: `destinations:errors.${problem}`, params }, technical, { cause });
}
