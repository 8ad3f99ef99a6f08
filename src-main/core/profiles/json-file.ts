// Reads and writes the app's own small JSON files: validated on read, written atomically and privately,
// and a damaged file is set aside (never silently overwritten) so nothing the owner set up is lost.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { writeFileAtomic } from '../envfile/atomic-write';

export interface JsonLoad<T> {
  value: T;
  /** Where a damaged file was moved, when it was; the UI can mention it. */
  setAside: string | null;
}

export async function readJsonFile<S extends v.GenericSchema>(
  path: string,
  schema: S,
  fallback: v.InferOutput<S>,
): Promise<JsonLoad<v.InferOutput<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: fallback, setAside: null };
    throw error;
  }
  let parsed: v.SafeParseResult<S>;
  try {
    parsed = v.safeParse(schema, JSON.parse(text));
  } catch {
    return { value: fallback, setAside: await setAside(path) };
  }
  if (!parsed.success) return { value: fallback, setAside: await setAside(path) };
  return { value: parsed.output, setAside: null };
}

async function setAside(path: string): Promise<string> {
  const target = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, target);
  return target;
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}
