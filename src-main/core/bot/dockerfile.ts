// Does a Docker image carry the bot's .env inside it? Then only a rebuild changes the token the container sees.

export type EnvInImage = 'copies_env' | 'copies_folder';

/**
 * `envPath` is the .env relative to the build context, `/`-separated (`.env`, `backend/.env`).
 * `copies_env`: a `COPY`/`ADD` names it (`COPY .env ./`, `COPY backend/.env .`, `COPY .env* ./`).
 * `copies_folder`: `COPY . .` (or a folder holding it), so it goes in with everything.
 * Either way only when `.dockerignore` does not exclude it (the build would then never see it).
 * null: not copied this way (this reads the instructions line by line; a generated build may still do it).
 */
export function envCopiedIntoImage(dockerfile: string, envPath: string, dockerignore: string | null): EnvInImage | null {
  if (ignored(dockerignore, envPath)) return null; // the build never sees it
  const instructions = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  let copiesFolder = false;
  for (const line of instructions) {
    const match = /^\s*(?:COPY|ADD)\s+(.*)$/i.exec(line);
    if (!match || /--from=/i.test(match[1]!)) continue; // a copy from another stage is not from the bot's folder
    const sources = sourcesOf(match[1]!);
    if (sources.some((source) => globMatches(source, envPath))) return 'copies_env';
    if (sources.some((source) => source === '.' || envPath.startsWith(`${source}/`))) copiesFolder = true;
  }
  return copiesFolder ? 'copies_folder' : null;
}

/** The source paths of a COPY/ADD without options and destination (JSON form too), `./` removed. */
function sourcesOf(rest: string): string[] {
  const trimmed = rest.trim();
  let words: string[];
  if (trimmed.startsWith('[')) {
    try {
      words = (JSON.parse(trimmed) as unknown[]).map(String);
    } catch {
      return [];
    }
  } else {
    words = trimmed.split(/\s+/).filter((word) => !word.startsWith('--'));
  }
  return words.slice(0, -1).map((word) => word.replace(/^(?:\.\/)+/, '').replace(/\/$/, '') || '.');
}

/** `.dockerignore` rules in order, the last match winning (`!` re-includes), as Docker applies them. */
function ignored(dockerignore: string | null, envPath: string): boolean {
  let result = false;
  for (const raw of (dockerignore ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = line.replace(/^!/, '').replace(/^\.?\//, '');
    const anyFolder = pattern.startsWith('**/') ? pattern.slice(3) : null;
    if (globMatches(pattern, envPath) || (anyFolder !== null && globMatches(anyFolder, envPath.split('/').pop()!))) result = !negated;
  }
  return result;
}

/** `*` and `?` within one path segment, as Dockerfiles and .dockerignore use them. */
function globMatches(pattern: string, path: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`).test(path);
}
