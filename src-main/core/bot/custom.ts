// Custom mode: the owner's own command (`pm2 restart bot`, `systemctl --user restart bot`,
// `docker compose up -d --force-recreate app`, `nssm restart bot`, or the bot's own start command), run by
// restart.ts in the bot's folder. What an ended command reports, and what to warn about before trusting one.
import type { UserMessage } from '../errors';

export interface CustomCommandResult {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  /** stdout and stderr as they came, redacted (the end of the bot's log in the data folder). */
  output: string;
}

/** What the owner should know about a restart command before trusting it. */
export function restartCommandWarnings(command: string): UserMessage[] {
  // `docker compose restart` keeps the container and so the environment it was created with (docker/compose#4140).
  if (/\bdocker(?:-compose|\s+compose)\b.*\srestart\b/.test(command)) {
    return [{ key: 'bot:detect.warning.composeRestartKeepsEnv' }];
  }
  return [];
}
