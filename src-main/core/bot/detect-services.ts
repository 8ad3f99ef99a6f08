// Start proposals from deployment files: a Procfile's processes and a docker compose service. For compose,
// only recreating the container applies a changed .env (`restart` keeps the old environment, docker/compose#4140).
import { parse as parseYaml } from 'yaml';
import type { UserMessage } from '../errors';
import { scoredProposal, type DetectContext, type ScoredProposal } from './detect-context';
import { envCopiedIntoImage } from './dockerfile';
import { quoteShellArg } from './os-commands';

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
// Services that only support the bot (databases, queues, storage): recreating them restarts nothing of the bot.
const INFRASTRUCTURE_IMAGE =
  /^(?:[\w.-]+\/)*(?:mongo|mongo-express|redis|postgres|postgis|mysql|mariadb|minio|rabbitmq|elasticsearch|memcached|adminer|zookeeper|kafka|localstack|mailhog|nginx|traefik|caddy)(?::|$)/i;

export async function detectProcfile(context: DetectContext): Promise<ScoredProposal[]> {
  if (!context.files.has('Procfile')) return [];
  const processes = [...((await context.read('Procfile')) ?? '').matchAll(/^([\w-]+)\s*:\s*(.+?)\s*$/gm)];
  const hasWeb = processes.some((match) => match[1] === 'web');
  return processes
    .filter((match) => match[1] === 'web' || match[1] === 'worker')
    .map(([, name, command]) => {
      const warnings: UserMessage[] = /\$PORT\b|\$\{PORT\}|%PORT%/.test(command!) ? [{ key: 'bot:detect.warning.needsPort' }] : [];
      const score = name === 'web' ? 68 : hasWeb ? 45 : 60;
      return scoredProposal(
        context,
        { command: command!, kind: 'procfile', reason: { key: 'bot:detect.reason.procfile', params: { process: name! } }, warnings },
        score,
      );
    });
}

interface ComposeService {
  build?: unknown;
  image?: unknown;
  environment?: unknown;
  env_file?: unknown;
}

export async function detectCompose(context: DetectContext): Promise<ScoredProposal[]> {
  const file = COMPOSE_FILES.find((name) => context.files.has(name));
  if (!file) return [];
  const text = (await context.read(file)) ?? '';
  let services: Record<string, ComposeService>;
  try {
    const parsed = parseYaml(text) as { services?: Record<string, ComposeService> } | null;
    services = parsed?.services ?? {};
  } catch {
    return [composeProposal(context, file, null, 40, [{ key: 'bot:detect.warning.composeUnreadable', params: { file } }])];
  }
  const ranked = Object.entries(services)
    .map(([name, service]) => ({ name, rank: serviceRank(service) }))
    .filter((entry) => entry.rank > 0)
    .sort((a, b) => b.rank - a.rank);
  const best = ranked[0];
  if (!best) return [];
  const warnings: UserMessage[] = [{ key: 'bot:detect.warning.composeRestartKeepsEnv' }];
  const bakesEnv = await dockerfileCopiesEnv(context);
  if (bakesEnv) warnings.push({ key: 'bot:detect.warning.envBakedIntoImage' });
  return [composeProposal(context, file, best.name, 86, warnings, bakesEnv)];
}

/** 0: infrastructure only; higher: more likely the bot (it gets the token, or it is built from this folder). */
function serviceRank(service: ComposeService): number {
  const env = JSON.stringify([service.environment ?? null, service.env_file ?? null]);
  if (/TOKEN|\.env/i.test(env)) return 3;
  if (service.build !== undefined) return 2;
  if (typeof service.image === 'string' && !INFRASTRUCTURE_IMAGE.test(service.image)) return 1;
  return 0;
}

function composeProposal(
  context: DetectContext,
  file: string,
  service: string | null,
  score: number,
  warnings: UserMessage[],
  rebuild = false,
): ScoredProposal {
  const target = service ? ` ${quoteShellArg(service, context.platform)}` : '';
  return scoredProposal(
    context,
    {
      command: `docker compose up -d${rebuild ? ' --build' : ''} --force-recreate${target}`,
      kind: 'docker-compose',
      mode: 'custom',
      reason: { key: 'bot:detect.reason.compose', params: { file, service: service ?? '?' } },
      reloadsEnv: false,
      warnings,
    },
    score,
  );
}

/** `COPY .env ./` (or `COPY . .` without a .dockerignore excluding it) bakes the token into the image. */
async function dockerfileCopiesEnv(context: DetectContext): Promise<boolean> {
  const dockerfile = await context.read('Dockerfile');
  return dockerfile !== null && envCopiedIntoImage(dockerfile, '.env', await context.read('.dockerignore')) !== null;
}
