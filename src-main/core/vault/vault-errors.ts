// Turns whatever the keychain library throws into a DoctorError that says what happened and what to do.
// The library reports everything as `GenericFailure` with an English message, so the message is all we have.
import { DoctorError, isDoctorError } from '../errors';
import { redactSecrets } from '../redact';
import type { VaultProblem, VaultStatus } from './vault';

/** Stable error codes, one per problem. */
export const VAULT_ERROR_CODES: Record<VaultProblem, string> = {
  unavailable: 'keychain_unavailable',
  locked: 'keychain_locked',
  denied: 'keychain_denied',
  failed: 'keychain_failed',
};

type PlatformWording = 'linux' | 'macos' | 'windows';

// Messages seen from @napi-rs/keyring 2.x (keyring-rs with the dbus-secret-service store on Linux, Security
// framework on macOS, Credential Manager on Windows). Checked in this order: a dismissed unlock prompt must
// read as "locked", not as a refusal.
const PROBLEM_PATTERNS: ReadonlyArray<[VaultProblem, RegExp]> = [
  ['locked', /object locked|unlock prompt was dismissed|\bis locked\b|interaction is not allowed/i],
  [
    'unavailable',
    new RegExp(
      [
        'no dbus session|secret service provider', // no Secret Service at all
        'failed to connect to socket|autolaunch|DBUS_SESSION_BUS_ADDRESS|could not connect', // no D-Bus session
        'not provided by any \\.service files|ServiceUnknown|NameHasNoOwner', // a bus, but nobody serves secrets
        'secret service: no result found', // a Secret Service without a default keyring to write into
        'keychain could not be found', // macOS: no (default) keychain
        'logon session does not exist', // Windows: a service account without a user profile
        'no default store',
        'did not answer within', // our own time limit: a bus or Secret Service that hangs
      ].join('|'),
      'i',
    ),
  ],
  ['denied', /access denied|access is denied|AccessDenied|permission denied|user canceled|not authorized|auth failed/i],
];

/** Which problem a library failure message describes; `failed` when it is none we know. */
export function classifyKeychainFailure(message: string): VaultProblem {
  return PROBLEM_PATTERNS.find(([, pattern]) => pattern.test(message))?.[0] ?? 'failed';
}

function platformWording(platform: NodeJS.Platform): PlatformWording {
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  return 'linux'; // Linux and the BSDs: the Secret Service
}

/** The translation key for a problem; the fixes for a missing or locked keychain depend on the OS. */
export function vaultMessageKey(problem: VaultProblem, platform: NodeJS.Platform = process.platform): string {
  if (problem === 'unavailable' || problem === 'locked') return `vault:${problem}.${platformWording(platform)}`;
  return `vault:${problem}`;
}

/** The DoctorError for a problem. `technical` must already be free of secrets. */
export function vaultError(problem: VaultProblem, technical: string, platform: NodeJS.Platform = process.platform): DoctorError {
  return new DoctorError(VAULT_ERROR_CODES[problem], { key: vaultMessageKey(problem, platform) }, technical);
}

/** What was being done when the keychain failed, for the technical message. */
export interface VaultOperation {
  action: 'open' | 'read' | 'write' | 'delete';
  account: string;
  /** The secret being written, if any: removed from the text even if the library ever echoed it. */
  secret?: string;
}

/**
 * The DoctorError for anything the keychain library threw. The raw error is not kept as `cause`: its text
 * comes from native code we do not control, and an error must never carry a secret.
 */
export function toVaultError(failure: unknown, operation: VaultOperation, platform: NodeJS.Platform = process.platform): DoctorError {
  const raw = failure instanceof Error ? failure.message : String(failure);
  const detail = redactSecrets(raw, operation.secret === undefined ? [] : [operation.secret]);
  return vaultError(classifyKeychainFailure(raw), describeFailure(operation, detail), platform);
}

/** The technical (English, secret-free) message of a failed operation. */
export function describeFailure(operation: VaultOperation, detail: string): string {
  return `Keychain ${operation.action} of "${operation.account}" failed: ${detail}`;
}

/** The `probe()` answer for a failed vault call: the problem behind a `keychain_*` error; anything else rethrown. */
export function statusFromFailure(failure: unknown): VaultStatus {
  if (isDoctorError(failure)) {
    const problems = Object.keys(VAULT_ERROR_CODES) as VaultProblem[];
    const problem = problems.find((candidate) => VAULT_ERROR_CODES[candidate] === failure.code);
    if (problem) return { state: problem, error: failure };
  }
  throw failure;
}
