// A machine's process table that reacts the way Linux and Windows do when stopping a tree is tried on it:
// signals (a group signal too, orphans handed to PID 1) and taskkill (/T following recorded parent PIDs, even a
// dead parent's reused one; without /F a console program stays). The real stops run in
// test/integration/bot/stop-tree.test.ts; this one lets the unit tests reach every decision, Windows' included.
import type { ExecTextResult } from '../../../src-main/core/bot/exec-text';
import type { ProcessControl } from '../../../src-main/core/bot/stop-process-tree';
import type { ProcessInfo } from '../../../src-main/core/bot/types';

export interface SimulatedProcess {
  pid: number;
  ppid: number;
  pgid?: number | null;
  startTime?: string;
  /** Stays after SIGTERM or a taskkill without /F (a console program, a bot that ignores the request). */
  ignoresPoliteStop?: boolean;
  /** Exits this long after the polite request instead of at once. */
  exitsAfterMs?: number;
  /** Starts this child when asked politely to stop (and then stays until killed). */
  startsOnPoliteStop?: SimulatedProcess;
  /** Another user's process: every signal is refused with EPERM. */
  otherUser?: boolean;
  /** Survives even SIGKILL (stuck in the kernel). */
  unkillable?: boolean;
}

const errno = (code: string) => Object.assign(new Error(`kill ${code}`), { code });

export class SimulatedMachine {
  readonly processes = new Map<number, Required<Pick<SimulatedProcess, 'pid' | 'ppid'>> & SimulatedProcess>();
  /** Every signal sent, as [target, signal]; a negative target is a process group. */
  readonly signals: Array<[number, NodeJS.Signals]> = [];
  /** Every taskkill run, with its arguments. */
  readonly taskkills: string[][] = [];
  /** Replaces process.kill's failure for one target (an unexpected errno). */
  failingKill: { target: number; code: string } | null = null;

  constructor(
    readonly platform: NodeJS.Platform,
    readonly selfPid: number,
    processes: SimulatedProcess[],
  ) {
    for (const info of processes) this.start(info);
  }

  start(info: SimulatedProcess): void {
    this.processes.set(info.pid, { ...info, startTime: info.startTime ?? `boot:${String(info.pid)}` });
  }

  running(): number[] {
    return [...this.processes.keys()].sort((a, b) => a - b);
  }

  control(): ProcessControl {
    return {
      platform: this.platform,
      selfPid: this.selfPid,
      listProcesses: () => Promise.resolve(this.table()),
      kill: (target, signal) => this.kill(target, signal),
      run: (program, args) => {
        if (program !== 'taskkill') throw new Error(`unexpected ${program}`);
        return Promise.resolve(this.taskkill([...args]));
      },
    };
  }

  /**
   * A control whose `listing`-th look at the process table (counting from 1) first finds `newcomer.pid` gone and
   * another program holding that PID: a PID reused at a chosen moment of the stop.
   */
  controlReusingPidAt(listing: number, newcomer: SimulatedProcess): ProcessControl {
    const control = this.control();
    let lists = 0;
    return {
      ...control,
      listProcesses: () => {
        lists += 1;
        if (lists === listing) {
          this.processes.delete(newcomer.pid);
          this.start(newcomer);
        }
        return control.listProcesses();
      },
    };
  }

  private table(): ProcessInfo[] {
    return [...this.processes.values()].map((info) => ({
      pid: info.pid,
      ppid: info.ppid,
      pgid: info.pgid ?? null,
      startTime: info.startTime ?? null,
      commandLine: '',
      cwd: null,
    }));
  }

  private kill(target: number, signal: NodeJS.Signals): void {
    this.signals.push([target, signal]);
    if (this.failingKill?.target === target) throw errno(this.failingKill.code);
    const group = target < 0 ? [...this.processes.values()].filter((info) => info.pgid === -target) : [];
    const targets = target < 0 ? group : [this.processes.get(target)].filter((info) => info !== undefined);
    if (targets.length === 0) throw errno('ESRCH');
    if (target > 0 && targets[0]!.otherUser) throw errno('EPERM');
    for (const info of targets) {
      if (info.otherUser) continue;
      if (signal === 'SIGKILL') this.end(info.pid, { force: true, reparent: true });
      else this.askPolitely(info.pid, true);
    }
  }

  private askPolitely(pid: number, reparent: boolean): void {
    const info = this.processes.get(pid);
    if (!info) return;
    if (info.startsOnPoliteStop) {
      this.start(info.startsOnPoliteStop);
      info.startsOnPoliteStop = undefined;
    }
    if (info.ignoresPoliteStop) return;
    if (info.exitsAfterMs !== undefined) setTimeout(() => this.end(pid, { force: false, reparent }), info.exitsAfterMs);
    else this.end(pid, { force: false, reparent });
  }

  private end(pid: number, how: { force: boolean; reparent: boolean }): void {
    const info = this.processes.get(pid);
    if (!info || (how.force && info.unkillable)) return;
    this.processes.delete(pid);
    // Linux hands orphans to PID 1; Windows leaves the dead parent's PID in the child's record.
    if (how.reparent) for (const child of this.processes.values()) if (child.ppid === pid) child.ppid = 1;
  }

  private taskkill(args: string[]): ExecTextResult {
    this.taskkills.push(args);
    const force = args.includes('/F');
    const named = args.flatMap((arg, index) => (args[index - 1] === '/PID' ? [Number(arg)] : []));
    const targets = new Set(named.filter((pid) => this.processes.has(pid)));
    if (args.includes('/T')) {
      for (let grew = true; grew; ) {
        grew = false;
        for (const info of this.processes.values()) {
          if (!targets.has(info.pid) && targets.has(info.ppid)) {
            targets.add(info.pid);
            grew = true;
          }
        }
      }
    }
    for (const pid of targets) {
      if (force) this.end(pid, { force: true, reparent: false });
      else this.askPolitely(pid, false);
    }
    const missing = named.length - named.filter((pid) => targets.has(pid)).length;
    return { code: missing > 0 ? 128 : 0, stdout: '', stderr: '' };
  }
}
