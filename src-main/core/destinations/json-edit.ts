// Changes one string in JSON (or JSONC) text and nothing else: only the bytes of that value are replaced,
// so indentation, key order, comments, line breaks, a BOM and the final newline all stay as they were.
// Only the last key of the path may be missing (it is then added to its object); everything before it must exist.
import { isDeepStrictEqual } from 'node:util';
import { destinationError } from './errors';
import { formatKeyPath, segmentIndex, type KeyPathSegment } from './key-path';
import { JsonSyntaxError, jsonNodeValue, lineAndColumn, scanJson, type JsonNode, type JsonObjectNode, type JsonScan } from './json-scan';

export interface JsonValueChange {
  text: string;
  change: 'replaced' | 'added' | 'unchanged';
}

type Lookup = { found: JsonNode; parent: null } | { found: null; parent: JsonObjectNode; key: string };

/** The string at `path` (null for a JSON null or a missing last key). */
export function readJsonString(text: string, path: readonly KeyPathSegment[], file: string): string | null {
  const lookup = lookUp(scan(text, file), path, file);
  if (!lookup.found) return null;
  return textOf(lookup.found, path);
}

/** Sets the string at `path` to `value`; throws (and changes nothing) when the path does not lead to a string. */
export function setJsonString(text: string, path: readonly KeyPathSegment[], value: string, file: string): JsonValueChange {
  const scanned = scan(text, file);
  const lookup = lookUp(scanned, path, file);
  const spelled = JSON.stringify(value);
  let result: JsonValueChange;
  if (lookup.found) {
    if (textOf(lookup.found, path) === value) return { text, change: 'unchanged' };
    result = { text: text.slice(0, lookup.found.start) + spelled + text.slice(lookup.found.end), change: 'replaced' };
  } else {
    result = { text: addMember(text, lookup.parent, lookup.key, spelled), change: 'added' };
  }
  assertOnlyValueChanged(scanned, result.text, path, value, file);
  return result;
}

function scan(text: string, file: string): JsonScan {
  try {
    return scanJson(text);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent, scanJson throws nothing else (kept so a bug is not swallowed)
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    throw destinationError('json_invalid', `${file} is not valid JSON (line ${line}, column ${column})`, { path: file, line, column }, error);
  }
}

function lookUp(scanned: JsonScan, path: readonly KeyPathSegment[], file: string): Lookup {
  let node = scanned.root;
  for (const [depth, segment] of path.entries()) {
    const reached = formatKeyPath(path.slice(0, depth + 1));
    const isLast = depth === path.length - 1;
    let next: JsonNode | undefined;
    if (node.type === 'object') {
      const key = String(segment);
      next = node.members.findLast((member) => member.key === key)?.value; // JSON.parse keeps the last duplicate
      if (!next && isLast) return { found: null, parent: node, key };
    } else if (node.type === 'array') {
      const index = segmentIndex(segment);
      // Stryker disable next-line ConditionalExpression: equivalent, elements[null] is undefined too (the test is for the type checker)
      next = index === null ? undefined : node.elements[index];
    } else {
      throw destinationError('key_not_container', `${reached} goes through a ${node.type} in ${file}`, { path: file, keyPath: reached });
    }
    if (!next) throw destinationError('key_missing', `${reached} does not exist in ${file}`, { path: file, keyPath: reached });
    node = next;
  }
  return { found: node, parent: null };
}

function textOf(node: JsonNode, path: readonly KeyPathSegment[]): string | null {
  if (node.type === 'string') return node.value as string;
  if (node.type === 'null') return null;
  const keyPath = formatKeyPath(path);
  throw destinationError('value_not_text', `${keyPath} holds a ${node.type}, not text`, { keyPath });
}

/**
 * Adds `"key": value` after the object's last member, separated and indented like that member
 * (`,\n    "key": "…"`), after a comment that ends the member's line; in an empty object, as `{"key": "…"}`.
 */
function addMember(text: string, parent: JsonObjectNode, key: string, spelledValue: string): string {
  const last = parent.members.at(-1);
  if (!last) {
    const at = parent.start + 1;
    return `${text.slice(0, at)}${JSON.stringify(key)}: ${spelledValue}${text.slice(at)}`;
  }
  // Stryker disable next-line LogicalOperator: equivalent, a longer lead-in ends the same way, and only its end is matched below
  const leadIn = text.slice(parent.members.at(-2)?.value.end ?? parent.start + 1, last.keyStart);
  const separator = /(?:\r\n|\r|\n)[ \t]*$/.exec(leadIn)?.[0] ?? ' ';
  const colon = text.slice(last.keyEnd, last.value.start);
  const member = `${JSON.stringify(key)}${colon.includes('/') ? ': ' : colon}${spelledValue}`;
  const comma = last.value.end;
  // Keep a comment that ends the last member's line with that member: the new one starts on the next line.
  const restOfLine = separator === ' ' ? '' : (/^[ \t]*(?:\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/[ \t]*)(?=[\r\n])/.exec(text.slice(comma))?.[0] ?? '');
  const at = comma + restOfLine.length;
  return `${text.slice(0, comma)},${text.slice(comma, at)}${separator}${member}${text.slice(at)}`;
}

/** Re-reads the result: the path must hold `value` and every other value must be exactly as before. */
function assertOnlyValueChanged(before: JsonScan, after: string, path: readonly KeyPathSegment[], value: string, file: string): void {
  const notWritable = () =>
    destinationError('value_not_writable', `Writing ${formatKeyPath(path)} would change more than that value in ${file}`, {
      path: file,
      keyPath: formatKeyPath(path),
    });
  let rescanned: JsonScan;
  try {
    rescanned = scanJson(after);
    // A file JSON.parse could read must stay readable by it (a bot reading it with JSON.parse must not break).
    // Stryker disable next-line Regex: equivalent, a U+FEFF anywhere else is inside a string (scanJson refused it elsewhere), where JSON.parse takes it
    if (!before.usedJsoncSyntax) JSON.parse(after.replace(/^\uFEFF/, ''));
  } catch {
    throw notWritable();
  }
  const expected = jsonNodeValue(before.root);
  setIn(expected, path, value);
  if (!isDeepStrictEqual(jsonNodeValue(rescanned.root), expected)) throw notWritable();
}

function setIn(root: unknown, path: readonly KeyPathSegment[], value: string): void {
  let container = root as Record<string, unknown> | unknown[];
  for (const [depth, segment] of path.entries()) {
    // Stryker disable next-line UnaryOperator: equivalent, lookUp has refused a key that is no index into an array before this runs
    const key = Array.isArray(container) ? (segmentIndex(segment) ?? -1) : String(segment);
    if (depth === path.length - 1) {
      Object.defineProperty(container, key, {
        value,
        enumerable: true,
        // Stryker disable next-line BooleanLiteral: equivalent, isDeepStrictEqual compares values, not whether they could be changed
        configurable: true, writable: true,
      });
    } else {
      container = (container as Record<string, unknown>)[key] as Record<string, unknown> | unknown[];
    }
  }
}
