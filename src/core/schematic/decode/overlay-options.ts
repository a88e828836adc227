// overlay.options is map[string]any in Go: plain scalars are typed by the YAML core rules,
// quoted ones stay strings, and nested mappings and sequences are kept.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { describeKind, isNullNode, isPlain } from './context.js';
import type { DecodeContext, MapNode, SeqNode } from './context.js';
import { decodeString } from './strings.js';
import { resolvePlainScalar } from '../resolve/plain-scalar.js';
import type { OptionValue } from '../types.js';

const MAX_KEY_BYTES = 128;
const MAX_DEPTH = 64;

function decodeOptionScalar(ctx: DecodeContext, node: Node, path: string): OptionValue {
  if (!isScalar(node))
    return ctx.fail(
      node,
      path,
      `unsupported value ${describeKind(node)}`,
      'Use a scalar, a list or a mapping.',
    );
  if (isPlain(node)) {
    const resolved = resolvePlainScalar(String(node.value));
    if (resolved.kind !== 'string') return resolved;
  }
  return { kind: 'string', value: decodeString(ctx, node, path) };
}

function decodeOptionValue(
  ctx: DecodeContext,
  node: Node | null,
  path: string,
  depth: number,
): OptionValue {
  if (node === null || isNullNode(node)) return { kind: 'null' };
  // An alias inside its own anchor would otherwise recurse for ever; go-yaml refuses it too.
  if (depth > MAX_DEPTH) {
    ctx.fail(
      node,
      path,
      `options nest deeper than ${MAX_DEPTH} levels`,
      'Check for an alias that refers to its own anchor.',
    );
  }
  if (isSeq(node)) {
    const items = (node as SeqNode).items.map((item, i) =>
      decodeOptionValue(ctx, ctx.deref(item, `${path}[${i}]`), `${path}[${i}]`, depth + 1),
    );
    return { kind: 'seq', items };
  }
  if (isMap(node)) {
    return { kind: 'map', entries: decodeOptionMap(ctx, node as MapNode, path, depth + 1) };
  }
  return decodeOptionScalar(ctx, node, path);
}

function decodeOptionKey(
  ctx: DecodeContext,
  keyNode: Node | null,
  parentNode: Node,
  path: string,
  nested: boolean,
): string {
  if (!isScalar(keyNode)) {
    return ctx.fail(
      keyNode ?? parentNode,
      path,
      'an option key must be a scalar',
      'Use a plain name as the key.',
    );
  }
  // Nested maps of non-string keys become map[any]any in Go, whose order and spelling the tool
  // does not reproduce; a quoted key keeps them plain strings.
  if (nested && isPlain(keyNode) && resolvePlainScalar(String(keyNode.value)).kind !== 'string') {
    ctx.fail(
      keyNode,
      `${path}.${String(keyNode.value)}`,
      'a nested option key must be a string',
      `Quote the key: "${String(keyNode.value)}".`,
    );
  }
  const key = decodeString(ctx, keyNode, path);
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    ctx.fail(
      keyNode,
      `${path}.${key.slice(0, 20)}…`,
      `an option key is longer than ${MAX_KEY_BYTES} bytes`,
      `Shorten the key to at most ${MAX_KEY_BYTES} bytes: the factory writes longer keys in a form the tool does not reproduce.`,
    );
  }
  return key;
}

export function decodeOptionMap(
  ctx: DecodeContext,
  node: MapNode,
  path: string,
  depth: number,
): Map<string, OptionValue> {
  const entries = new Map<string, OptionValue>();
  for (const pair of node.items) {
    const keyNode = ctx.deref(pair.key);
    const key = decodeOptionKey(ctx, keyNode, node, path, depth > 0);
    const keyPath = `${path}.${key}`;
    if (entries.has(key))
      ctx.fail(
        keyNode,
        keyPath,
        `duplicate key "${key}"`,
        `Keep one "${key}" and remove the other.`,
      );
    entries.set(key, decodeOptionValue(ctx, ctx.deref(pair.value, keyPath), keyPath, depth));
  }
  return entries;
}

/** overlay.options: a mapping, or null for none. */
export function decodeOptions(
  ctx: DecodeContext,
  node: Node | null,
  path: string,
): Map<string, OptionValue> {
  if (isNullNode(node)) return new Map();
  if (!isMap(node)) {
    ctx.fail(
      node,
      path,
      `expected a mapping, found ${describeKind(node)}`,
      'Write the overlay options as key: value lines.',
    );
  }
  return decodeOptionMap(ctx, node as MapNode, path, 0);
}
