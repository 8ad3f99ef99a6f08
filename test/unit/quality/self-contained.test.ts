// A clone anywhere must install, run and pass on its own: no source, test, script or config may reach for the
// research folder that sits beside the repository on the developers' machines.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CODE = /\.(?:[cm]?[jt]sx?|json|ya?ml|sh|html|css)$|^\.ci\//;
// Spelled in pieces so this file does not match itself.
const FOLDER = 'shared';
const OUTSIDE = new RegExp(`\\.\\./+${FOLDER}\\b|/work/${FOLDER}\\b`);

function trackedCodeFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' });
  return listed.split('\n').filter((path) => path && CODE.test(path) && !path.startsWith('test/fixtures/'));
}

describe('self-contained repository', () => {
  it('finds the code files to check', () => {
    expect(trackedCodeFiles()).toEqual(expect.arrayContaining(['package.json', 'test/sim/fixtures.ts']));
  });

  it('has no file that reads the shared folder beside the repository', () => {
    const offenders = trackedCodeFiles().filter((path) => OUTSIDE.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
