// The JSON editor re-reads what it wrote: with a deliberately broken scanner that misplaces the value it edits,
// setJsonString must refuse (changing nothing) instead of returning a file that no longer reads as before.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setJsonString } from '../../../src-main/core/destinations/json-edit';
import type { JsonNode, JsonScan } from '../../../src-main/core/destinations/json-scan';
import { parseKeyPath } from '../../../src-main/core/destinations/key-path';

type Breakage = 'none' | 'string_ends_early' | 'value_at_its_key';

const breakage = vi.hoisted(() => ({ current: 'none' as Breakage }));

/** The node as each broken scanner places it (values stay as read: only the offsets are wrong). */
function breakNode(node: JsonNode): JsonNode {
  if (node.type === 'object') {
    return {
      ...node,
      members: node.members.map((member) => {
        const value = breakNode(member.value);
        // A scanner that takes a member's key for its value: the edit would rename the key.
        return breakage.current === 'value_at_its_key' && value.type === 'string' ? { ...member, value: { ...value, start: member.keyStart, end: member.keyEnd } } : { ...member, value };
      }),
    };
  }
  if (node.type === 'array') return { ...node, elements: node.elements.map(breakNode) };
  return breakage.current === 'string_ends_early' && node.type === 'string' ? { ...node, end: node.end - 1 } : node;
}

vi.mock('../../../src-main/core/destinations/json-scan', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/core/destinations/json-scan')>();
  return {
    ...real,
    scanJson(text: string): JsonScan {
      const scanned = real.scanJson(text);
      return { ...scanned, root: breakNode(scanned.root) };
    },
  };
});

const TOKEN = 'EAAJZCqVLm4uYBAGZBxyzv9nQWERTYUIOPASDFGHJKLZX0123456789';
const TEXT = '{"whatsapp": {"token": "old", "phone": "123"}}';
const set = () => setJsonString(TEXT, parseKeyPath('whatsapp.token'), TOKEN, 'config.json');

beforeEach(() => {
  breakage.current = 'none';
});

describe('setJsonString with a broken scanner', () => {
  it('the working scanner edits this file (the cases below fail only because of the breakage)', () => {
    expect(set().text).toBe(TEXT.replace('"old"', `"${TOKEN}"`));
  });

  it.each([
    ['ending each string one character early (the result is no JSON)', 'string_ends_early'],
    ['placing a value at its key (the result is JSON with the key renamed)', 'value_at_its_key'],
  ] as const)('%s: refuses, naming the key and the file', (_name, broken) => {
    breakage.current = broken;
    expect(set).toThrowError(
      expect.objectContaining({
        code: 'dest_value_not_writable',
        message: 'Writing whatsapp.token would change more than that value in config.json',
        userMessage: expect.objectContaining({ params: { path: 'config.json', keyPath: 'whatsapp.token' } }) as unknown,
      }) as Error,
    );
  });
});
