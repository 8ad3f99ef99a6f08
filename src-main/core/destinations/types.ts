// Where a bot reads its token: a .env variable, a key in a JSON or YAML settings file, or the owner's own command
// that stores it (in a database, a secret store…). Plain JSON, so it can live in the bot's profile and on the CLI.
import * as v from 'valibot';

export const DESTINATION_KINDS = ['env', 'json', 'yaml', 'command'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

const NonEmpty = v.pipe(v.string(), v.minLength(1));

export const EnvDestinationSchema = v.object({ kind: v.literal('env'), file: NonEmpty, variable: NonEmpty });
/** `keyPath` as written by people: `whatsapp.accessToken`, `bots[0].token` (see key-path.ts). */
export const JsonDestinationSchema = v.object({ kind: v.literal('json'), file: NonEmpty, keyPath: NonEmpty });
export const YamlDestinationSchema = v.object({ kind: v.literal('yaml'), file: NonEmpty, keyPath: NonEmpty });
export const CommandDestinationSchema = v.object({
  kind: v.literal('command'),
  /** A shell command line that reads the token from standard input (one line, ending in a newline). */
  command: NonEmpty,
  cwd: NonEmpty,
  /** Run on undo with the previous token on standard input; without it a command cannot be undone. */
  undoCommand: v.optional(NonEmpty),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(600_000))),
});

export const DestinationSchema = v.variant('kind', [
  EnvDestinationSchema,
  JsonDestinationSchema,
  YamlDestinationSchema,
  CommandDestinationSchema,
]);

export type EnvDestination = v.InferOutput<typeof EnvDestinationSchema>;
export type JsonDestination = v.InferOutput<typeof JsonDestinationSchema>;
export type YamlDestination = v.InferOutput<typeof YamlDestinationSchema>;
export type CommandDestination = v.InferOutput<typeof CommandDestinationSchema>;
export type FileDestination = EnvDestination | JsonDestination | YamlDestination;
export type Destination = v.InferOutput<typeof DestinationSchema>;

export function isFileDestination(destination: Destination): destination is FileDestination {
  return destination.kind !== 'command';
}
