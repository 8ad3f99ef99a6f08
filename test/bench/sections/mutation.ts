// The mutation scores of the last `npm run mutation` (reports/mutation/scores.json), when there is one: the share
// of mutants each file's tests kill, against the goal. Nothing is measured here; a run takes 20–30 minutes.
import { fileURLToPath } from 'node:url';
import { MUTATION_GOAL, readScores } from '../../mutation/scores';
import type { Figure } from '../types';

const scores = readScores(fileURLToPath(new URL('../../../reports/mutation/', import.meta.url)));
const runs = Object.values(scores);
const lastRun = runs.map((run) => run.finishedAt).sort().at(-1);

export const title = lastRun
  ? `Mutation scores (npm run mutation, last run ${lastRun.slice(0, 16).replace('T', ' ')} UTC)`
  : 'Mutation scores: no report yet (npm run mutation writes one)';

export default function mutationScores(): Figure[] {
  return runs
    .flatMap((run) => run.files)
    .filter((file) => file.score !== null)
    .map((file) => ({
      name: file.file.replace(/^src-main\/core\//, ''),
      value: file.score!,
      unit: '%',
      target: `≥ ${MUTATION_GOAL}%`,
      ok: file.score! >= MUTATION_GOAL,
    }));
}
