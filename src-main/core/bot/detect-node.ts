// Start proposals for Node bots: package.json scripts (start before dev, through the project's own package
// manager), a plain entry file, and PM2 configurations.
import type { UserMessage } from '../errors';
import { redactSecrets } from '../redact';
import { scoredProposal, watcherWarning, type DetectContext, type ScoredProposal } from './detect-context';

const SCRIPT_SCORES: ReadonlyArray<{ script: string; score: number }> = [
  { script: 'start', score: 76 },
  { script: 'dev', score: 66 },
  { script: 'serve', score: 60 },
  { script: 'server', score: 60 },
];
/** A script that needs a build that is not there yet ranks below one that runs as it is. */
const NEEDS_BUILD_SCORE = 56;
const ENTRY_FILES = ['index.js', 'server.js', 'app.js', 'bot.js', 'main.js'];
const PM2_CONFIGS = ['ecosystem.config.js', 'ecosystem.config.cjs', 'pm2.config.js', 'pm2.config.json', 'ecosystem.json'];

// These serve a web frontend, not a bot (Vite dashboards next to a bot backend).
const FRONTEND_ONLY = /^\s*(?:vite|react-scripts start|ng serve|vue-cli-service serve|webpack serve|astro dev)\b/;
// These start PM2's daemon and return at once: nothing for us to keep running (the PM2 proposal covers it).
const DAEMONISES = /\bpm2\s+(?:start|restart|reload)\b/;

interface PackageJson {
  scripts?: Record<string, unknown>;
  main?: unknown;
}

export async function detectNode(context: DetectContext): Promise<ScoredProposal[]> {
  const proposals = [...(await detectPm2(context))];
  if (!context.files.has('package.json')) return proposals;
  const pkg = parsePackageJson(await context.read('package.json'));
  const runner = packageRunner(context);
  const scripts = pkg.scripts ?? {};
  for (const { script, score } of SCRIPT_SCORES) {
    const body = scripts[script];
    if (typeof body !== 'string' || FRONTEND_ONLY.test(body) || DAEMONISES.test(body)) continue;
    const missingBuild = await missingBuildOutput(context, body);
    const warnings: UserMessage[] = [...watcherWarnings(body)];
    if (missingBuild) warnings.push({ key: 'bot:detect.warning.needsBuild', params: { folder: missingBuild } });
    proposals.push(
      scoredProposal(
        context,
        {
          command: script === 'start' ? `${runner} start` : `${runner} run ${script}`,
          kind: 'npm-script',
          reason: { key: 'bot:detect.reason.npmScript', params: { script, body: redactSecrets(body) } },
          // `next dev` re-reads .env* by itself (it prints "Reload env"); production builds do not.
          reloadsEnv: /\bnext\s+dev\b/.test(body),
          warnings,
        },
        missingBuild ? NEEDS_BUILD_SCORE : score,
      ),
    );
  }
  if (proposals.some((proposal) => proposal.kind === 'npm-script')) return proposals;
  const main = typeof pkg.main === 'string' ? pkg.main.replace(/^\.\//, '') : null;
  for (const file of [...(main ? [main] : []), ...ENTRY_FILES.filter((name) => name !== main)]) {
    if (!(await context.exists(file))) continue;
    proposals.push(
      scoredProposal(
        context,
        { command: `node ${file}`, kind: 'node', reason: { key: 'bot:detect.reason.node', params: { file } }, reloadsEnv: false },
        58,
      ),
    );
    break;
  }
  return proposals;
}

function parsePackageJson(text: string | null): PackageJson {
  try {
    const parsed = JSON.parse(text ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as PackageJson) : {};
  } catch {
    return {};
  }
}

/** The project's package manager, from its lock file (a pnpm workspace may even refuse npm). */
function packageRunner(context: DetectContext): string {
  if (context.files.has('pnpm-lock.yaml') || context.files.has('pnpm-workspace.yaml')) return 'pnpm';
  if (context.files.has('yarn.lock')) return 'yarn';
  if (context.files.has('bun.lockb') || context.files.has('bun.lock')) return 'bun';
  return 'npm';
}

/** Watchers restart on code changes only: .env edits go unnoticed (remy/nodemon#1806, tsx, node --watch). */
function watcherWarnings(body: string): UserMessage[] {
  const tools: Array<[RegExp, string]> = [
    [/\bnodemon\b/, 'nodemon'],
    [/\btsx\s+watch\b/, 'tsx watch'],
    [/\bnode\b[^&|;]*\s--watch\b/, 'node --watch'],
    [/\bts-node-dev\b/, 'ts-node-dev'],
  ];
  return tools.filter(([pattern]) => pattern.test(body)).map(([, tool]) => watcherWarning(tool));
}

/** The build folder a script runs from when it is missing (`node dist/server.js` before `npm run build`). */
async function missingBuildOutput(context: DetectContext, body: string): Promise<string | null> {
  if (/\bnext\s+start\b/.test(body)) return (await context.exists('.next')) ? null : '.next';
  const built = /\bnode\s+(?:[^\s]+\s+)*?\.?\/?((?:dist|build|out)\/[^\s'"]+)/.exec(body)?.[1];
  if (built && !(await context.exists(built))) return built.split('/')[0] ?? built;
  return null;
}

async function detectPm2(context: DetectContext): Promise<ScoredProposal[]> {
  const config = PM2_CONFIGS.find((name) => context.files.has(name));
  if (!config) return [];
  const text = (await context.read(config)) ?? '';
  const apps = [...text.matchAll(/["']?name["']?\s*:\s*["']([^"']+)["']/g)].map((match) => match[1]);
  const warnings: UserMessage[] = [];
  // An `env` block that sets a token beats dotenv, which never overrides a variable already set.
  if (/\benv\w*["']?\s*:\s*\{[^}]*TOKEN/is.test(text)) warnings.push({ key: 'bot:detect.warning.pm2EnvWins' });
  return [
    scoredProposal(
      context,
      {
        command: `pm2 startOrRestart ${config}`,
        kind: 'pm2',
        mode: 'custom',
        reason: { key: 'bot:detect.reason.pm2', params: { file: config, apps: apps.join(', ') || '?' } },
        reloadsEnv: false,
        warnings,
      },
      88,
    ),
  ];
}
