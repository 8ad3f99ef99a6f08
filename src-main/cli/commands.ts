// Every CLI command. To add one: write src-main/cli/<name>.ts exporting a CliCommand, and list it here.
import { applyCommand } from './apply';
import { checkCommand } from './check';
import { connectCommand } from './connect';
import { disconnectCommand } from './disconnect';
import type { CliCommand } from './registry';
import { renewCommand } from './renew';
import { statusCommand } from './status';

export const COMMANDS: readonly CliCommand[] = [checkCommand, applyCommand, statusCommand, renewCommand, connectCommand, disconnectCommand];
