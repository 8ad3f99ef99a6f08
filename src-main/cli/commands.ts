// Every CLI command. To add one: write src-main/cli/<name>.ts exporting a CliCommand, and list it here.
import { checkCommand } from './check';
import type { CliCommand } from './registry';

export const COMMANDS: readonly CliCommand[] = [checkCommand];
