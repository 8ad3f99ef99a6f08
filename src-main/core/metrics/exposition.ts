// Prometheus' text exposition format (version 0.0.4), the small part of it a textfile collector reads: gauges with
// HELP and TYPE, label values escaped, no timestamps (node_exporter refuses them in textfiles).
// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format

export interface Sample {
  labels: Readonly<Record<string, string>>;
  value: number;
}

export interface GaugeFamily {
  name: string;
  help: string;
  samples: readonly Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label value between double quotes: backslash, double quote and line feed are the three escapes. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escapes only backslash and line feed. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function formatLabels(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([name, value]) => {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new Error(`not a Prometheus label name: ${name}`);
    return `${name}="${escapeLabelValue(value)}"`;
  });
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
}

/** The families in order, each with its HELP and TYPE; a family without samples is left out. */
export function renderGauges(families: readonly GaugeFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    if (!METRIC_NAME.test(family.name)) throw new Error(`not a Prometheus metric name: ${family.name}`);
    if (family.samples.length === 0) continue;
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} gauge`);
    for (const sample of family.samples) lines.push(`${family.name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
