// Which Docker Compose services receive the token, and the restart that really gives them the new one.
// A container keeps the environment it was created with, so `docker compose restart` brings the old token
// back (docker/compose#4140); `docker compose up -d --force-recreate SERVICE` creates it again from the .env.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { quoteShellArg } from '../bot/os-commands';
import type { UserMessage } from '../errors';
import { envCopiedIntoImage } from '../bot/dockerfile';

/** In the order `docker compose` itself looks for them; an override file is merged into the main one. */
const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDE_FILES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

export interface ComposeTokenService {
  name: string;
  /** `env_file`: the service loads the .env whole; `environment`: it interpolates `${VAR}` from the project .env. */
  via: 'env_file' | 'environment';
}

export interface ComposeRestart {
  composeFile: string;
  /** Where the command runs: the compose file's folder (the project folder). */
  cwd: string;
  services: ComposeTokenService[];
  /** True when the token is baked into an image (a build argument, or a Dockerfile that copies the .env). */
  rebuild: boolean;
  command: string;
  /** Why this command and not `docker compose restart`. */
  message: UserMessage;
}

interface ServiceDefinition {
  env_file?: unknown;
  environment?: unknown;
  build?: unknown;
  [field: string]: unknown;
}

export interface ComposeLookup {
  /** The .env the token is written to. */
  envFile: string;
  tokenVariable: string;
}

/**
 * Looks for a compose file beside the .env, then in the bot's folder; null when none gives the token to a
 * service (the bot is then not run by compose, or gets its token some other way).
 */
export async function composeRestart(folder: string, lookup: ComposeLookup): Promise<ComposeRestart | null> {
  const folders = [...new Set([dirname(resolve(lookup.envFile)), resolve(folder)])];
  for (const projectFolder of folders) {
    const composeFile = await firstExisting(projectFolder, COMPOSE_FILES);
    if (!composeFile) continue;
    const services = await servicesOf(composeFile.text, await firstExisting(projectFolder, OVERRIDE_FILES));
    const found = await tokenServices(services, projectFolder, lookup);
    if (found.length === 0) continue;
    const rebuild = found.some((service) => service.rebuild);
    const names = found.map((service) => quoteShellArg(service.name)).join(' ');
    const command = `docker compose up -d${rebuild ? ' --build' : ''} --force-recreate ${names}`;
    return {
      composeFile: composeFile.path,
      cwd: projectFolder,
      services: found.map(({ name, via }) => ({ name, via })),
      rebuild,
      command,
      message: {
        key: rebuild ? 'destinations:compose.recreate_rebuild' : 'destinations:compose.recreate',
        params: { services: found.map((service) => service.name).join(', '), file: basename(composeFile.path), command },
      },
    };
  }
  return null;
}

async function firstExisting(folder: string, names: readonly string[]): Promise<{ path: string; text: string } | null> {
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => null);
    if (text !== null) return { path: join(folder, name), text };
  }
  return null;
}

/** The services of the compose file with the override's fields laid over them (a shallow merge is enough here). */
async function servicesOf(text: string, override: { text: string } | null): Promise<Map<string, ServiceDefinition[]>> {
  const services = new Map<string, ServiceDefinition[]>();
  for (const source of [text, override?.text ?? null]) {
    if (source === null) continue;
    let parsed: unknown;
    try {
      parsed = parseYaml(source, { merge: true, maxAliasCount: 1000 });
    } catch {
      continue; // an unreadable compose file proposes nothing; the owner can still type the command
    }
    const definitions = (parsed as { services?: unknown } | null)?.services;
    if (!definitions || typeof definitions !== 'object') continue;
    for (const [name, definition] of Object.entries(definitions as Record<string, unknown>)) {
      if (definition && typeof definition === 'object') services.set(name, [...(services.get(name) ?? []), definition as ServiceDefinition]);
    }
  }
  return services;
}

async function tokenServices(
  services: Map<string, ServiceDefinition[]>,
  projectFolder: string,
  lookup: ComposeLookup,
): Promise<Array<ComposeTokenService & { rebuild: boolean }>> {
  const envFile = resolve(lookup.envFile);
  const isProjectEnv = envFile === join(projectFolder, '.env');
  const found: Array<ComposeTokenService & { rebuild: boolean }> = [];
  for (const [name, definitions] of services) {
    const loadsEnvFile = definitions.some((definition) => envFilePaths(definition.env_file).some((path) => resolve(projectFolder, path) === envFile));
    const interpolates = isProjectEnv && definitions.some((definition) => usesVariable(definition, lookup.tokenVariable));
    if (!loadsEnvFile && !interpolates) continue;
    const buildArgs = isProjectEnv && definitions.some((definition) => mentionsVariable((definition.build as { args?: unknown } | undefined)?.args, lookup.tokenVariable));
    const baked = buildArgs || (await imageCopiesEnv(definitions, projectFolder, envFile));
    found.push({ name, via: loadsEnvFile ? 'env_file' : 'environment', rebuild: baked });
  }
  return found;
}

/** `env_file: .env`, `env_file: [a.env, b.env]`, `env_file: [{ path: a.env, required: false }]`. */
function envFilePaths(value: unknown): string[] {
  const entries = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const path = (entry as { path?: unknown } | null)?.path;
    return typeof path === 'string' ? [path] : [];
  });
}

/** The service reads the variable: `${VAR}`, `${VAR:-default}`, `$VAR` anywhere, or `environment: [VAR]` (passed through). */
function usesVariable(definition: ServiceDefinition, variable: string): boolean {
  const { environment } = definition;
  const passedThrough = Array.isArray(environment)
    ? environment.some((entry) => entry === variable)
    : environment !== null && typeof environment === 'object' && variable in environment && (environment as Record<string, unknown>)[variable] === null;
  return passedThrough || mentionsVariable(definition, variable);
}

function mentionsVariable(value: unknown, variable: string): boolean {
  if (value === undefined) return false;
  const name = variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `$$` is compose's escape for a literal dollar sign: `$$VAR` is not interpolated.
  return new RegExp(`(?<!\\$)(?:\\$\\$)*\\$(?:\\{${name}(?:[:?+-][^}]*)?\\}|${name}(?![\\w]))`).test(JSON.stringify(value));
}

async function imageCopiesEnv(definitions: readonly ServiceDefinition[], projectFolder: string, envFile: string): Promise<boolean> {
  for (const { build } of definitions) {
    if (build === undefined || build === null) continue;
    const spec = typeof build === 'string' ? { context: build } : (build as { context?: unknown; dockerfile?: unknown });
    const context = resolve(projectFolder, typeof spec.context === 'string' ? spec.context : '.');
    const dockerfile = await readFile(resolve(context, typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile'), 'utf8').catch(() => null);
    if (dockerfile === null) continue;
    const envPath = relative(context, envFile).split(sep).join('/');
    if (envPath.startsWith('..')) continue; // outside the build context: the build cannot copy it
    const dockerignore = await readFile(join(context, '.dockerignore'), 'utf8').catch(() => null);
    if (envCopiedIntoImage(dockerfile, envPath, dockerignore) !== null) return true;
  }
  return false;
}
