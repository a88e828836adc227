// Reads a mapping into known fields, as go-yaml does with KnownFields(true): unknown keys and
// duplicates are errors, never dropped.
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import { describeKind, isNullNode } from './context.js';
import type { DecodeContext, MapNode } from './context.js';
import { validKeysHint, validKeysList } from './key-suggestions.js';

export interface Field {
  readonly keyNode: Node;
  readonly value: Node | null;
  readonly path: string;
}

export interface FieldRules {
  /** How to name this level in hints, e.g. "under customization". */
  readonly where: string;
  readonly known: readonly string[];
  /** A key refused with its own message (e.g. `owner`), rather than as unknown. */
  readonly refused?: Readonly<Record<string, { message: string; hint: string }>>;
}

const childPath = (parent: string, key: string): string =>
  parent === '' ? key : `${parent}.${key}`;

/** The mapping's entries by key; a null node reads as an empty mapping (the zero struct). */
export function readFields(
  ctx: DecodeContext,
  node: Node | null,
  path: string,
  rules: FieldRules,
): Map<string, Field> {
  const fields = new Map<string, Field>();
  if (isNullNode(node)) return fields;
  if (!isMap(node)) {
    ctx.fail(
      node,
      path,
      `expected a mapping, found ${describeKind(node)}`,
      `Write ${path === '' ? 'the schematic' : path} as key: value lines. ${validKeysList(rules.known, rules.where)}`,
    );
  }
  for (const pair of (node as MapNode).items) {
    const keyNode = ctx.deref(pair.key);
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const keyPath = childPath(path, key ?? '?');
    if (key === undefined || keyNode === null) {
      ctx.fail(
        keyNode ?? node,
        path,
        'a mapping key must be a plain name',
        validKeysList(rules.known, rules.where),
      );
    }
    if (key === '<<') {
      ctx.fail(
        keyNode,
        keyPath,
        'merge keys (<<) are not supported',
        'Write the fields out in full instead of merging an anchor.',
      );
    }
    const refusal = rules.refused?.[key];
    if (refusal !== undefined) ctx.fail(keyNode, keyPath, refusal.message, refusal.hint);
    if (!rules.known.includes(key)) {
      ctx.fail(
        keyNode,
        keyPath,
        `unknown field "${key}"`,
        validKeysHint(key, rules.known, rules.where),
      );
    }
    if (fields.has(key)) {
      ctx.fail(
        keyNode,
        keyPath,
        `duplicate key "${key}"`,
        `Keep one "${key}" ${rules.where} and remove the other.`,
      );
    }
    fields.set(key, { keyNode, value: ctx.deref(pair.value, keyPath), path: keyPath });
  }
  return fields;
}
