// `wa-token-doctor apply`: the renewal pipeline from a terminal — Meta's check, the keychain, every destination,
// the restart command and the proof that the bot came back. The token arrives on standard input only.
import { parseFlags } from './args';
import { EXIT } from './exit-codes';
import { cliText, type CliIo } from './io';
import { UsageError, type CliCommand } from './registry';
import { runDryRun } from './dry-run';
import { runRenewal } from './run-renewal';
import { shellFlag } from './shell-flag';
import { readTokenSource } from './token-source';
import { secretsOf, withAppCredentials } from './app-credentials';

export const applyCommand: CliCommand = {
  name: 'apply',
  summaryKey: 'cli:command.apply',
  usageKey: 'cli:usage.apply',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseFlags(args, {
      env: { type: 'string' },
      var: { type: 'string' },
      'token-stdin': { type: 'boolean' },
      dest: { type: 'string', multiple: true },
      restart: { type: 'string' },
      shell: { type: 'string' },
      cwd: { type: 'string' },
      'no-keychain': { type: 'boolean' },
      'phone-number-id': { type: 'string' },
      'waba-id': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const text = cliText(io);
    if (values.help) {
      io.stdout.write(`${text.t('cli:usage.apply')}\n`);
      return EXIT.ok;
    }
    // A token in argv is visible to every user of the machine (`ps`), so there is no flag for it.
    if (!values['token-stdin']) throw new UsageError('cli:errors.apply_needs_stdin');
    if (!values.env && !values.dest?.length) throw new UsageError('cli:errors.apply_needs_destination');
    const shell = shellFlag(values.shell, values.restart, io);
    const read = await readTokenSource(
      { env: values.env, var: values.var, tokenStdin: true, phoneNumberId: values['phone-number-id'], wabaId: values['waba-id'] },
      io,
    );
    const source = await withAppCredentials(read, io, !values['no-keychain']);
    return (values['dry-run'] ? runDryRun : runRenewal)(io, text, {
      token: source.token,
      source,
      destinationArgs: values.dest ?? [],
      restart: values.restart,
      shell,
      cwd: values.cwd,
      noKeychain: Boolean(values['no-keychain']),
      json: Boolean(values.json),
      secrets: secretsOf(source),
    });
  },
};
