// Reads one sample back from Prometheus text: the first series of `name` whose labels include those given.
import { escapeLabelValue } from '../../src-main/core/metrics/exposition';

export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`);
  const line = text.split('\n').find((candidate) => (candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `)) && pairs.every((pair) => candidate.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}
