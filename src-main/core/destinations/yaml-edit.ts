// Changes one string in YAML text and nothing else: the `yaml` package finds where that scalar's source is, and
// only those characters are rewritten, in the same quoting style, so comments, anchors, spacing and every other
// value stay byte-for-byte. A path through an alias or a merge key is refused: changing it would change another
// part of the file, or nothing at all.
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import { destinationError } from './errors';
import { lineAndColumn } from './json-scan';
import { formatKeyPath, segmentIndex, type KeyPathSegment } from './key-path';

export interface YamlValueChange {
  text: string;
  change: 'replaced' | 'added' | 'unchanged';
}

type Lookup = { found: Scalar; parent: null } | { found: null; parent: YAMLMap; key: string };

/** The text at `path` without the line break a block scalar ends with; null for null or a missing last key. */
export function readYamlString(text: string, path: readonly KeyPathSegment[], file: string): string | null {
  return currentText(lookUp(parse(text, file), path, file), path);
}

export function setYamlString(text: string, path: readonly KeyPathSegment[], value: string, file: string): YamlValueChange {
  const doc = parse(text, file);
  const lookup = lookUp(doc, path, file);
  if (lookup.found && currentText(lookup, path) === value) return { text, change: 'unchanged' };
  const candidates = lookup.found ? replacements(text, lookup.found, value) : additions(text, lookup.parent, lookup.key, value);
  for (const candidate of candidates) {
    if (readsBackAs(doc, lookup, candidate.text, candidate.expected)) {
      return { text: candidate.text, change: lookup.found ? 'replaced' : 'added' };
    }
  }
  throw destinationError('value_not_writable', `No spelling of ${formatKeyPath(path)} changes only that value in ${file}`, {
    path: file,
    keyPath: formatKeyPath(path),
  });
}

function currentText(lookup: Lookup, path: readonly KeyPathSegment[]): string | null {
  return lookup.found ? (scalarText(lookup.found, path)?.replace(/[\r\n]+$/, '') ?? null) : null;
}

function parse(text: string, file: string): Document {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, prettyErrors only adds to the message; its code and offset are read
  const doc = parseDocument(text, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { line, column } = lineAndColumn(text, error.pos[0]);
    throw destinationError('yaml_invalid', `${file} is not valid YAML (${error.code}, line ${line})`, { path: file, line, column });
  }
  return doc;
}

function lookUp(doc: Document, path: readonly KeyPathSegment[], file: string): Lookup {
  let node: unknown = doc.contents;
  for (const [depth, segment] of path.entries()) {
    const reached = formatKeyPath(path.slice(0, depth + 1));
    const isLast = depth === path.length - 1;
    refuseAlias(node, formatKeyPath(path.slice(0, depth)), file);
    let next: unknown;
    if (isMap(node)) {
      const key = String(segment);
      next = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key)?.value;
      if (next === undefined) {
        // `<<: *defaults` may bring the key in: writing there would edit the shared defaults (or shadow them).
        const merged = node.items.some((pair) => isScalar(pair.key) && pair.key.value === '<<');
        if (merged) throw destinationError('yaml_through_alias', `${reached} may come from a merge key in ${file}`, { path: file, keyPath: reached });
        if (isLast) return { found: null, parent: node, key };
      }
    } else if (isSeq(node)) {
      const index = segmentIndex(segment);
      // Stryker disable next-line ConditionalExpression: equivalent, items[null] is undefined too (the test is for the type checker)
      next = index === null ? undefined : node.items[index];
    } else if (node !== null) {
      // (An empty document is null: it has no keys, so `next` stays undefined.)
      throw destinationError('key_not_container', `${reached} goes through a value in ${file}`, { path: file, keyPath: reached });
    }
    if (next === undefined || next === null) throw destinationError('key_missing', `${reached} does not exist in ${file}`, { path: file, keyPath: reached });
    node = next;
  }
  refuseAlias(node, formatKeyPath(path), file);
  if (!isScalar(node)) throw valueNotText(path, isMap(node) ? 'object' : 'array');
  scalarText(node, path);
  return { found: node, parent: null };
}

function refuseAlias(node: unknown, keyPath: string, file: string): void {
  if (isAlias(node)) throw destinationError('yaml_through_alias', `${keyPath} is an alias in ${file}`, { path: file, keyPath });
}

function scalarText(node: Scalar, path: readonly KeyPathSegment[]): string | null {
  if (node.value === null || typeof node.value === 'string') return node.value;
  throw valueNotText(path, typeof node.value);
}

function valueNotText(path: readonly KeyPathSegment[], found: string) {
  const keyPath = formatKeyPath(path);
  return destinationError('value_not_text', `${keyPath} holds a ${found}, not text`, { keyPath });
}

interface Candidate {
  text: string;
  /** What the scalar must read as afterwards (a block scalar keeps its final line break). */
  expected: string;
}

/** The scalar rewritten in its own style first, then double-quoted (which can hold any text). */
function replacements(text: string, node: Scalar, value: string): Candidate[] {
  // Stryker disable next-line ArrayDeclaration: equivalent, every node the yaml package parses has a range
  const [start, end] = node.range ?? [0, 0];
  // An empty value (`token:`, `token:   # later`) has no characters yet: it goes right after the colon.
  const empty = start === end;
  // Stryker disable next-line OptionalChaining: equivalent, a pattern that may match nothing always matches
  const at = empty ? start - (/[ \t]*$/.exec(text.slice(0, start))?.[0].length ?? 0) : start;
  const splice = (spelled: string) => `${text.slice(0, at)}${empty ? ' ' : ''}${spelled}${text.slice(empty ? at : end)}`;
  const candidates: Candidate[] = [];
  let lineBreak = '';
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const source = text.slice(start, end);
    const block = blockScalar(source, value);
    if (block) candidates.push({ text: splice(block.source), expected: block.expected });
    // A block scalar's source takes the line break that ends it: a quoted value in its place must end its line again.
    lineBreak = /(?:\r\n|\r|\n)$/.exec(source)?.[0] ?? '';
  } else {
    candidates.push({ text: splice(flowScalar(value, node.type)), expected: value });
  }
  candidates.push({ text: splice(`${flowScalar(value, Scalar.QUOTE_DOUBLE)}${lineBreak}`), expected: value });
  return candidates;
}

function flowScalar(value: string, type: Scalar.Type | undefined): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value); // JSON's escapes are all valid in YAML
  return value;
}

/** Keeps the header (`|`, `>-`, `|2`…) and the content's indentation; the content becomes the value. */
function blockScalar(source: string, value: string): { source: string; expected: string } | null {
  const header = /^[|>][^\r\n]*(\r\n|\r|\n)/.exec(source);
  if (!header || /[\r\n]/.test(value)) return null;
  // Stryker disable next-line MethodExpression: equivalent, the header line starts with | or >, never with a blank
  const indent = /^[ \t]+(?=\S)/m.exec(source.slice(header[0].length))?.[0];
  // Stryker disable next-line ConditionalExpression: equivalent, a block spelled without indentation fails the read-back and the quoted spelling follows
  if (!indent) return null;
  const keepsBreak = !/^[|>][^\r\n#]*-/.test(header[0]);
  const lineBreak = header[1]!;
  return { source: `${header[0]}${indent}${value}${lineBreak}`, expected: keepsBreak ? `${value}\n` : value };
}

/** A new `key: value` line at the end of a block map (indented like its keys), or `, key: value` in a flow map. */
function additions(text: string, map: YAMLMap, key: string, value: string): Candidate[] {
  // Stryker disable next-line ArrayDeclaration: equivalent, every node the yaml package parses has a range
  const [start, end] = map.range ?? [0, 0];
  const keys = [key, JSON.stringify(key)];
  const values = [value, JSON.stringify(value)];
  const pairs = keys.flatMap((spelledKey) => values.map((spelledValue) => `${spelledKey}: ${spelledValue}`));
  if (map.flow) {
    const close = text.lastIndexOf('}', end);
    const empty = map.items.length === 0;
    return pairs.map((pair) => ({ text: `${text.slice(0, close)}${empty ? '' : ', '}${pair}${text.slice(close)}`, expected: value }));
  }
  const firstKey = map.items[0]?.key as Node | undefined;
  // Stryker disable next-line LogicalOperator,OptionalChaining: equivalent, a block map is never empty and its range starts at its first key
  const keyStart = firstKey?.range?.[0] ?? start;
  const indent = keyStart - (Math.max(text.lastIndexOf('\n', keyStart - 1), text.lastIndexOf('\r', keyStart - 1)) + 1);
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  // A block map is never empty: it ends after its last line's break, or at the end of a text without a final one.
  const atLineStart =
    text[end - 1] === '\n' ||
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator,StringLiteral: equivalent, the yaml package reads no lone CR as a line break (a CR-only file is refused either way)
    text[end - 1] === '\r';
  return pairs.map((pair) => ({
    text: `${text.slice(0, end)}${atLineStart ? '' : newline}${' '.repeat(indent)}${pair}${atLineStart ? newline : ''}${text.slice(end)}`,
    expected: value,
  }));
}

/**
 * The new text parses, the path holds `expected`, and every other value (aliases followed) is as before.
 * `before` is the parsed original, edited in memory to what the new text must equal.
 */
function readsBackAs(before: Document, lookup: Lookup, after: string, expected: string): boolean {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, prettyErrors only changes the messages, which are not read
  const reparsed = parseDocument(after, { prettyErrors: false });
  if (reparsed.errors.length > 0) return false;
  if (lookup.found) lookup.found.value = expected;
  else lookup.parent.set(lookup.key, expected);
  try {
    return isDeepStrictEqual(reparsed.toJS({ maxAliasCount: -1 }), before.toJS({ maxAliasCount: -1 }));
  } catch {
    // A plain spelling YAML reads as something else (`*x` is an alias to an anchor that does not exist):
    // not this candidate; a quoted one comes next.
    return false;
  }
}
