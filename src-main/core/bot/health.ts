// After a (re)start: is the bot really back? Still running after N seconds, its health URL answering, and
// nothing in this run's log saying Meta refuses its token. Answers in the owner's words, with a redacted excerpt.
import type { UserMessage } from '../errors';
import { redactSecrets } from '../redact';
import { lastLines, readLogSince } from './bot-log';
import { crashHint, findTokenErrorLine } from './log-scan';
import { isSameProcessAlive } from './process-table';
import {
  DEFAULT_ALIVE_AFTER_MS,
  DEFAULT_HEALTH_TIMEOUT_MS,
  type BotHealth,
  type CheckState,
  type ExitInfo,
} from './types';

export interface HealthTarget {
  /**
   * The process we started; null/absent when the bot runs under someone else (custom mode). `startTime`
   * undefined: the process table could not be read at start (PowerShell failing), so only its exit counts.
   */
  process?: { pid: number; startTime?: string | null; exited?: Promise<ExitInfo> } | null;
  /** The log to scan, from where this run began. */
  log?: { file: string; offset: number } | null;
  /** More of this run's output to scan (a custom restart command's own output). */
  extraOutput?: string;
  healthUrl?: string | null;
  aliveAfterMs?: number;
  healthTimeoutMs?: number;
  knownSecrets?: readonly string[];
}

const POLL_MS = 100;
const EXCERPT_LINES = 20;

export async function checkBotHealth(target: HealthTarget): Promise<BotHealth> {
  const aliveAfterMs = target.aliveAfterMs ?? DEFAULT_ALIVE_AFTER_MS;
  const readLog = async () =>
    [target.extraOutput ?? '', target.log ? await readLogSince(target.log.file, target.log.offset) : '']
      .filter(Boolean)
      .join('\n');
  const controller = new AbortController();
  const urlCheck = target.healthUrl
    ? probeHealthUrl(target.healthUrl, Math.max(target.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS, 0), controller.signal)
    : Promise.resolve(null);

  const watch = await watchStartup(target, aliveAfterMs, readLog);
  if (watch.died || watch.tokenError !== null) controller.abort();
  const url = await urlCheck;
  const output = await readLog();
  const tokenError = watch.tokenError ?? findTokenErrorLine(output);

  const problems: UserMessage[] = [];
  const alive: CheckState = !target.process ? 'skipped' : watch.died ? 'fail' : 'pass';
  if (alive === 'fail') {
    problems.push({ key: 'bot:health.exitedEarly', params: { count: Math.max(1, Math.ceil(watch.elapsedMs / 1000)) } });
    const hint = crashHint(output, watch.exit);
    if (hint) problems.push(hint);
  }
  if (tokenError !== null) problems.push({ key: 'bot:health.oldToken' });
  const urlState: CheckState = url === null ? 'skipped' : url.ok ? 'pass' : 'fail';
  if (url && !url.ok && alive !== 'fail') {
    problems.push(
      url.status === null
        ? { key: 'bot:health.urlNoAnswer', params: { url: redactSecrets(target.healthUrl!) } }
        : { key: 'bot:health.urlBadStatus', params: { url: redactSecrets(target.healthUrl!), status: url.status } },
    );
  }
  const logState: CheckState = !target.log && !target.extraOutput ? 'skipped' : tokenError !== null ? 'fail' : 'pass';
  return {
    healthy: problems.length === 0,
    alive,
    healthUrl: urlState,
    log: logState,
    problems,
    logExcerpt: output === '' ? null : redactSecrets(lastLines(output, EXCERPT_LINES), target.knownSecrets),
  };
}

interface StartupWatch {
  died: boolean;
  exit: ExitInfo | null;
  tokenError: string | null;
  elapsedMs: number;
}

/** Waits out `aliveAfterMs`, but stops early when the bot dies or its log already shows a token error. */
async function watchStartup(target: HealthTarget, aliveAfterMs: number, readLog: () => Promise<string>): Promise<StartupWatch> {
  const started = Date.now();
  let exit: ExitInfo | null = null;
  void target.process?.exited?.then((info) => {
    exit = info;
  });
  for (;;) {
    const elapsedMs = Date.now() - started;
    // No start time means it was gone before we could even record it.
    const running = target.process ? exit === null && (await stillRunning(target.process)) : true;
    // Its last words may land in the log a moment after it is gone; the caller reads the log again.
    if (!running) return { died: true, exit: exit ?? (await exitSoon(target.process?.exited)), tokenError: null, elapsedMs };
    const tokenError = findTokenErrorLine(await readLog());
    if (tokenError !== null) return { died: false, exit, tokenError, elapsedMs };
    if (elapsedMs >= aliveAfterMs) return { died: false, exit, tokenError: null, elapsedMs };
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, aliveAfterMs - elapsedMs)));
  }
}

function stillRunning(process: { pid: number; startTime?: string | null }): Promise<boolean> | boolean {
  if (process.startTime === undefined) return true;
  return process.startTime !== null && isSameProcessAlive(process.pid, process.startTime);
}

/** The exit status, if the 'exit' event is only a moment behind what the process table already shows. */
function exitSoon(exited: Promise<ExitInfo> | undefined): Promise<ExitInfo | null> {
  if (!exited) return Promise.resolve(null);
  return Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 500))]);
}

interface UrlResult {
  ok: boolean;
  status: number | null;
}

/**
 * Polls until the URL answers 2xx/3xx or the time is up; a bot may need a moment to open its port.
 * Null when cancelled (the bot already failed otherwise): the URL was then not really checked.
 */
async function probeHealthUrl(url: string, timeoutMs: number, cancel: AbortSignal): Promise<UrlResult | null> {
  const deadline = Date.now() + timeoutMs;
  let last: UrlResult = { ok: false, status: null };
  while (!cancel.aborted) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.any([cancel, AbortSignal.timeout(Math.min(remaining, 3_000))]),
      });
      await response.body?.cancel();
      last = { ok: response.status >= 200 && response.status < 400, status: response.status };
      if (last.ok) return last;
    } catch {
      // Not listening yet, or too slow: try again until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, Math.max(0, deadline - Date.now()))));
  }
  return cancel.aborted ? null : last;
}
