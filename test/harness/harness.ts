// The browser harness: the built renderer plus an HTTP bridge that answers the contract from the REAL core
// (service, profiles, .env editor, bot processes, keychain), against the Graph simulator. The Electron binary
// cannot run here, so this is how the real UI meets the real core — in `npm run harness` and the e2e tests.
//
//   const harness = await startHarness({ port: 0 });   // { url, sim, platform, home, close() }
//
// Loopback only, and local in practice: requests whose Host is not ours are refused, and a call must come from our
// own page (request-guard.ts), so a web page elsewhere cannot drive it. A data folder it made itself is removed on close.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import type { EventName } from '../../src-main/contract';
import { createDoctorService, dispatchCall, isCallName, type DoctorHost } from '../../src-main/core/service';
import { createVault } from '../../src-main/core/vault';
import { startGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from '../sim/graph-simulator';
import { createFakePlatform, type FakePlatform } from '../support/fake-platform';
import { isOwnHost, isTrustedCall, isTrustedRead } from './request-guard';

const RENDERER = resolve(import.meta.dirname, '../../out/renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface HarnessOptions {
  port?: number;
  /** Data folder; default WA_TOKEN_DOCTOR_HOME or a new temporary one (removed on close). */
  home?: string;
  /** Graph base URL; default WA_TOKEN_DOCTOR_GRAPH_URL or a simulator started here. */
  graphUrl?: string;
  /** 'keyring': the real Secret Service (the e2e tests run in a private one); default an in-memory keychain. */
  vault?: 'keyring' | 'memory';
  log?: (line: string) => void;
  /** How the simulator started here behaves (Meta's 2026 rules, its clock). */
  simulator?: GraphSimulatorOptions;
  /** The service's clock; a test that moves time forward passes its fake one (the simulator's too). */
  now?: () => Date;
}

export interface Harness {
  url: string;
  home: string;
  /** The simulator this harness started (null when WA_TOKEN_DOCTOR_GRAPH_URL pointed elsewhere). */
  sim: GraphSimulator | null;
  platform: FakePlatform;
  host: DoctorHost;
  close(): Promise<void>;
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'bridge-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The built index.html, with the bridge loaded before the app (same origin, so the strict CSP allows it). */
async function indexHtml(): Promise<string> {
  const html = await readFile(join(RENDERER, 'index.html'), 'utf8');
  return html.replace('</head>', '  <script src="/__harness/bridge.js"></script>\n  </head>');
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** Browser language preferences from Accept-Language, most preferred first, as the OS list would be. */
function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== '*')
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const log = options.log ?? (() => {});
  const graphFromEnv = options.graphUrl ?? process.env.WA_TOKEN_DOCTOR_GRAPH_URL;
  const sim = graphFromEnv ? null : await startGraphSimulator(options.simulator);
  const graphUrl = graphFromEnv ?? sim!.url;
  const givenHome = options.home ?? process.env.WA_TOKEN_DOCTOR_HOME;
  const home = givenHome ?? (await mkdtemp(join(tmpdir(), 'wa-harness-')));
  const platform = createFakePlatform();
  const streams = new Set<ServerResponse>();
  const emit = (event: EventName, payload: unknown) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of streams) stream.write(data);
  };
  const host = await createDoctorService({ home, vault: createVault({ kind: options.vault ?? 'memory' }), platform, emit, graphUrl, log, now: options.now });
  const bridge = await bundleBridge();
  let origin = '';
  let port = 0;

  const server = createServer(async (request, response) => {
    try {
      if (!isOwnHost(request, port)) return send(response, 403, 'text/plain', 'wrong host');
      const url = new URL(request.url ?? '/', origin);
      const isCall = url.pathname.startsWith('/api/call/');
      if (isCall ? !isTrustedCall(request, port) : !isTrustedRead(request, port)) {
        return send(response, 403, 'text/plain', 'not from this harness page');
      }
      const languages = acceptedLanguages(request.headers['accept-language']);
      if (languages.length > 0) platform.languages = languages;

      if (isCall && request.method === 'POST') {
        const name = url.pathname.slice('/api/call/'.length);
        if (!isCallName(name)) return send(response, 404, 'application/json', '{"error":"unknown call"}');
        const { input } = (await readJson(request)) as { input?: unknown };
        const envelope = await dispatchCall(host.service, name, input, log);
        return send(response, 200, 'application/json', JSON.stringify(envelope));
      }
      if (url.pathname === '/api/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        streams.add(response);
        request.on('close', () => streams.delete(response));
        return;
      }
      if (url.pathname === '/__harness/bridge.js') return send(response, 200, TYPES['.js']!, bridge);
      if (url.pathname === '/' || url.pathname === '/index.html') return send(response, 200, TYPES['.html']!, await indexHtml());
      const file = normalize(join(RENDERER, decodeURIComponent(url.pathname)));
      if (!file.startsWith(RENDERER + sep)) return send(response, 403, 'text/plain', 'outside the renderer');
      const body = await readFile(file).catch(() => null);
      if (!body) return send(response, 404, 'text/plain', 'not found');
      return send(response, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch (error) {
      log(`harness error: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, 'text/plain', 'harness error');
    }
  });
  await new Promise<void>((ready) => server.listen(options.port ?? 5178, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    home,
    sim,
    platform,
    host,
    async close() {
      for (const stream of streams) stream.end();
      await new Promise<void>((closed) => server.close(() => closed()));
      await sim?.close();
      if (givenHome === undefined) await rm(home, { recursive: true, force: true });
    },
  };
}
