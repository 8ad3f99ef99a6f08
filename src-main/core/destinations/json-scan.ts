// Reads JSON text into a tree that remembers where every value sits in the text, so one value can be
// replaced without re-serialising the file. Also accepts JSONC (`//` and `/* */` comments, trailing commas).

export type JsonNode = JsonObjectNode | JsonArrayNode | JsonLeafNode;

interface Span {
  /** Offsets in the text: the value as written, quotes and brackets included. */
  start: number;
  end: number;
}
export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}
export interface JsonObjectNode extends Span {
  type: 'object';
  members: JsonMember[];
}
export interface JsonArrayNode extends Span {
  type: 'array';
  elements: JsonNode[];
}
export interface JsonLeafNode extends Span {
  type: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
}

export interface JsonScan {
  root: JsonNode;
  /** True when the text used comments or trailing commas, which JSON.parse refuses. */
  usedJsoncSyntax: boolean;
}

/** Where the text stops being JSON (0-based offset), for a message with a line and column. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    what: string,
  ) {
    super(`${what} at offset ${offset}`);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: ReadonlyArray<[string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

export function scanJson(text: string): JsonScan {
  let position = text.startsWith('\uFEFF') ? 1 : 0;
  let usedJsoncSyntax = false;
  const fail = (what: string, at = position): never => {
    throw new JsonSyntaxError(at, what);
  };

  const skipBlank = (): void => {
    for (;;) {
      const char = text[position];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') position += 1;
      else if (char === '/' && text[position + 1] === '/') {
        usedJsoncSyntax = true;
        while (position < text.length && text[position] !== '\n' && text[position] !== '\r') position += 1;
      } else if (char === '/' && text[position + 1] === '*') {
        usedJsoncSyntax = true;
        const close = text.indexOf('*/', position + 2);
        // Stryker disable next-line EqualityOperator: equivalent, a `*/` found after the `/*` is never at 0
        if (close < 0) fail('unterminated comment');
        position = close + 2;
      } else return;
    }
  };

  const readString = (): JsonLeafNode => {
    const start = position;
    position += 1;
    let value = '';
    for (;;) {
      const char = text[position];
      if (char === undefined) fail('unterminated string', start);
      if (char === '"') break;
      if (char! < ' ') fail('control character in a string');
      if (char === '\\') {
        // Stryker disable next-line StringLiteral: equivalent, any other stand-in for "no character" is a bad escape too
        const escape = text[position + 1] ?? '';
        if (escape === 'u') {
          const hex = text.slice(position + 2, position + 6);
          // Stryker disable next-line Regex: equivalent, `hex` has at most 4 characters: either anchor alone makes all 4 hex digits
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          value += String.fromCharCode(parseInt(hex, 16));
          position += 6;
        } else if (escape in ESCAPES) {
          value += ESCAPES[escape];
          position += 2;
        } else fail('bad escape');
      } else {
        value += char;
        position += 1;
      }
    }
    position += 1;
    return { type: 'string', value, start, end: position };
  };

  /** Reads items up to `close`, allowing one trailing comma (JSONC). */
  const readItems = (close: string, readItem: () => void): void => {
    skipBlank();
    if (text[position] === close) return;
    for (;;) {
      readItem();
      skipBlank();
      if (text[position] === close) return;
      if (text[position] !== ',') fail(`expected "," or "${close}"`);
      position += 1;
      skipBlank();
      if (text[position] === close) {
        usedJsoncSyntax = true;
        return;
      }
    }
  };

  const readValue = (): JsonNode => {
    skipBlank();
    const start = position;
    const char = text[position];
    if (char === '{') {
      position += 1;
      const members: JsonMember[] = [];
      readItems('}', () => {
        if (text[position] !== '"') fail('expected a key in double quotes');
        const key = readString();
        skipBlank();
        if (text[position] !== ':') fail('expected ":"');
        position += 1;
        members.push({ key: key.value as string, keyStart: key.start, keyEnd: key.end, value: readValue() });
      });
      position += 1;
      return { type: 'object', members, start, end: position };
    }
    if (char === '[') {
      position += 1;
      const elements: JsonNode[] = [];
      readItems(']', () => elements.push(readValue()));
      position += 1;
      return { type: 'array', elements, start, end: position };
    }
    if (char === '"') return readString();
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, position)) {
        position += word.length;
        return { type: value === null ? 'null' : 'boolean', value, start, end: position };
      }
    }
    NUMBER.lastIndex = position;
    const number = NUMBER.exec(text);
    if (!number) return fail(char === undefined ? 'unexpected end of text' : 'unexpected character');
    position += number[0].length;
    return { type: 'number', value: Number(number[0]), start, end: position };
  };

  const root = readValue();
  skipBlank();
  if (position < text.length) fail('text after the end of the JSON value');
  return { root, usedJsoncSyntax };
}

/** The plain JavaScript value of a node (what JSON.parse would give, for strict JSON). */
export function jsonNodeValue(node: JsonNode): unknown {
  if (node.type === 'object') {
    const object: Record<string, unknown> = {};
    for (const member of node.members) {
      Object.defineProperty(object, member.key, { value: jsonNodeValue(member.value), enumerable: true, configurable: true, writable: true });
    }
    return object;
  }
  if (node.type === 'array') return node.elements.map(jsonNodeValue);
  return node.value;
}

/** 1-based line and column of an offset, for messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  // Stryker disable next-line OptionalChaining: equivalent, split always gives at least one line
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
