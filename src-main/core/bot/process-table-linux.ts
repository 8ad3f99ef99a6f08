// The Linux process table, read straight from /proc: parent, group, start time, command line, working folder,
// listening TCP ports.
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessInfo } from './types';

export interface ProcStat {
  state: string;
  ppid: number;
  pgid: number;
  /** Clock ticks after boot: with the boot id, it tells a process from a later one that got the same PID. */
  startTicks: string;
}

/**
 * Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may itself contain spaces
 * and parentheses, so the fields are counted from the LAST ')'.
 */
export function parseProcStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  // Stryker disable next-line EqualityOperator: equivalent, a stat line starts with the PID, so ')' is never at 0
  if (close < 0) return null;
  // The kernel separates the fields with one space each. After the name: state(3) ppid(4) pgrp(5) … starttime(22),
  // so index = field number - 3.
  const fields = text.slice(close + 2).split(' ');
  if (fields.length < 20) return null;
  const [state, ppid, pgid, startTicks] = [fields[0]!, fields[1]!, fields[2]!, fields[19]!];
  return { state, ppid: Number(ppid), pgid: Number(pgid), startTicks };
}

/** Per /proc root (tests give their own): the boot id never changes while the machine runs. */
const bootIds = new Map<string, Promise<string>>();

function bootId(procRoot: string): Promise<string> {
  let id = bootIds.get(procRoot);
  // Stryker disable next-line ConditionalExpression: equivalent, reading the id again gives the same id
  if (id === undefined) {
    // Some sandboxes hide it; tick counts alone still tell processes apart until the next boot.
    id = readFile(join(procRoot, 'sys/kernel/random/boot_id'), 'utf8').then(
      (text) => text.trim(),
      () => 'boot',
    );
    bootIds.set(procRoot, id);
  }
  return id;
}

/** One process, or null when it is gone or a zombie (dead, only waiting to be reaped). */
export async function readLinuxProcess(pid: number, withCwd: boolean, procRoot = '/proc'): Promise<ProcessInfo | null> {
  const dir = join(procRoot, String(pid));
  const statText = await readFile(join(dir, 'stat'), 'utf8').catch(() => null);
  const stat = statText === null ? null : parseProcStat(statText);
  if (!stat || stat.state === 'Z' || stat.state === 'X') return null;
  const [cmdline, cwd] = await Promise.all([
    readFile(join(dir, 'cmdline'), 'utf8').catch(() => ''),
    withCwd ? readlink(join(dir, 'cwd')).catch(() => null) : Promise.resolve(null),
  ]);
  return {
    pid,
    ppid: stat.ppid,
    pgid: stat.pgid,
    startTime: `${await bootId(procRoot)}:${stat.startTicks}`,
    commandLine: cmdline.replace(/\0+$/, '').split('\0').join(' '),
    cwd,
  };
}

export interface LinuxListOptions {
  withCwd: boolean;
  withPorts?: boolean;
}

export async function listLinuxProcesses(options: LinuxListOptions, procRoot = '/proc'): Promise<ProcessInfo[]> {
  const names = await readdir(procRoot);
  // Stryker disable next-line MethodExpression,Regex: equivalent, /proc's other entries (self, net, sys…) hold no digit, so they would only be read as /proc/NaN, which never exists
  const pids = names.filter((name) => /^\d+$/.test(name)).map(Number);
  const listening = options.withPorts ? await listeningSockets(procRoot) : null;
  const processes = await Promise.all(
    pids.map(async (pid) => {
      const info = await readLinuxProcess(pid, options.withCwd, procRoot);
      if (!info || !listening) return info;
      return { ...info, listeningPorts: await portsOfProcess(join(procRoot, String(pid)), listening) };
    }),
  );
  return processes.filter((info): info is ProcessInfo => info !== null);
}

const TCP_LISTEN = '0A';

/** Parses /proc/net/tcp or tcp6: the socket inode → port of every listening socket. */
export function parseProcNetTcp(text: string): Map<string, number> {
  const sockets = new Map<string, number>();
  // The header line's state column reads `st`, so it is skipped like any socket that is not listening.
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const [local, state, inode] = [fields[1], fields[3], fields[9]];
    if (state !== TCP_LISTEN || !local || !inode) continue;
    sockets.set(inode, Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16));
  }
  return sockets;
}

async function listeningSockets(procRoot: string): Promise<Map<string, number>> {
  const tables = await Promise.all(
    // Stryker disable next-line StringLiteral: equivalent, Stryker's text is no table line either
    ['tcp', 'tcp6'].map((name) => readFile(join(procRoot, 'net', name), 'utf8').catch(() => '')),
  );
  return new Map(tables.flatMap((text) => [...parseProcNetTcp(text)]));
}

/** The listening ports among a process's open files (readable for the owner's own processes only). */
async function portsOfProcess(dir: string, listening: ReadonlyMap<string, number>): Promise<number[]> {
  // Stryker disable next-line ArrayDeclaration: equivalent, a descriptor named by Stryker cannot be read either
  const fds = await readdir(join(dir, 'fd')).catch((): string[] => []);
  // Stryker disable next-line ArrowFunction,StringLiteral: equivalent, an unreadable link is no socket however it reads
  const links = await Promise.all(fds.map((fd) => readlink(join(dir, 'fd', fd)).catch(() => '')));
  // Stryker disable next-line StringLiteral: equivalent, no socket inode is Stryker's text
  const ports = links.map((link) => listening.get(/^socket:\[(\d+)\]$/.exec(link)?.[1] ?? ''));
  return [...new Set(ports.filter((port): port is number => port !== undefined))];
}
