// Real Prometheus parts for the metrics tests: Debian's promtool, node_exporter and Prometheus, each started as our
// own process on 127.0.0.1 on a free port with a throwaway data folder (the Debian services, if running, are never
// used). A missing program fails the test with how to install it; it is never a silent skip.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

const PROGRAMS = { promtool: 'prometheus', prometheus: 'prometheus', 'prometheus-node-exporter': 'prometheus-node-exporter' } as const;
type Program = keyof typeof PROGRAMS;

/** Throws, naming the Debian package, when a program is not on PATH (`npm test` installs them). */
export function requirePrograms(...programs: Program[]): void {
  const missing = programs.filter((program) => spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((program) => PROGRAMS[program]))].join(' ');
  throw new Error(`${missing.join(', ')} not found. npm test installs it; by hand: sudo apt-get install ${packages}`);
}

export function promtool(args: string[], input?: string, cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('promtool', args, { input, cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export interface RunningServer {
  url: string;
  /** What the program wrote on stderr so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

async function startServer(command: string, args: (port: number) => string[], readyPath: string): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(command, args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: RunningServer = {
    url,
    log: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
  try {
    await waitFor(`${command} on ${url}`, async () => {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
      const response = await fetch(`${url}${readyPath}`);
      return response.ok ? true : null;
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** node_exporter with only the textfile collector, reading the `*.prom` files of `textfileDir`. */
export function startNodeExporter(textfileDir: string): Promise<RunningServer> {
  return startServer(
    'prometheus-node-exporter',
    (port) => [`--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', '--collector.textfile', `--collector.textfile.directory=${textfileDir}`, '--log.level=warn'],
    '/metrics',
  );
}

/** Prometheus scraping `target` every second and evaluating `ruleFiles` every second, its data in `dataDir`. */
export async function startPrometheus(options: { target: string; ruleFiles: string[]; dataDir: string }): Promise<RunningServer> {
  const config = join(options.dataDir, 'prometheus.yml');
  const yaml = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'rule_files:',
    ...options.ruleFiles.map((file) => `  - ${JSON.stringify(file)}`),
    'scrape_configs:',
    '  - job_name: node',
    '    static_configs:',
    `      - targets: [${JSON.stringify(options.target)}]`,
  ].join('\n');
  await writeFile(config, `${yaml}\n`);
  return startServer(
    'prometheus',
    (port) => [`--config.file=${config}`, `--storage.tsdb.path=${join(options.dataDir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    '/-/ready',
  );
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** An instant query through Prometheus' HTTP API. */
export async function queryPrometheus(server: RunningServer, promql: string): Promise<PromSample[]> {
  const response = await fetch(`${server.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as { status: string; data: { result: PromSample[] }; error?: string };
  if (body.status !== 'success') throw new Error(`query ${promql} failed: ${body.error ?? response.status}`);
  return body.data.result;
}

/** Any other API path (rules, alerts, targets), its `data`. */
export async function prometheusApi<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}/api/v1/${path}`);
  const body = (await response.json()) as { status: string; data: T };
  if (body.status !== 'success') throw new Error(`${path}: ${response.status}`);
  return body.data;
}
