// Windows' side of stopping a tree. `taskkill /T` finds children by their recorded parent PID, which can
// point at a long-dead parent whose PID the bot now has; so /T is used only when the tree it would walk is
// exactly the one we verified, and otherwise every verified PID is named instead.
import { runSystemProgram, type RunSystemProgram } from './exec-text';
import { taskkillArgs } from './os-commands';
import type { ProcessInfo } from './types';

/** Asks (or with `force`, makes) the verified `members` of the tree under `rootPid` exit. */
export async function taskkillTree(
  rootPid: number,
  members: readonly ProcessInfo[],
  processes: readonly ProcessInfo[],
  force: boolean,
  run: RunSystemProgram = runSystemProgram,
): Promise<void> {
  if (members.length === 0) return;
  const args = treeIsTrustworthy(rootPid, members, processes)
    ? taskkillArgs([rootPid], { tree: true, force })
    : taskkillArgs(
        members.map((member) => member.pid),
        { tree: false, force },
      );
  // taskkill exits non-zero when one of them was already gone, or (without /F) refuses a console program.
  await run('taskkill', args);
}

/** True when following parent PIDs alone (as /T does) reaches exactly `members`. */
export function treeIsTrustworthy(rootPid: number, members: readonly ProcessInfo[], processes: readonly ProcessInfo[]): boolean {
  const verified = new Set(members.map((member) => member.pid));
  const reached = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const info of processes) {
      if (!reached.has(info.pid) && reached.has(info.ppid)) {
        reached.add(info.pid);
        grew = true;
      }
    }
  }
  return reached.size === verified.size && [...reached].every((pid) => verified.has(pid));
}
