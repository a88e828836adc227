// Go string and []string fields (docs/factory-protocol.md §3.2): a plain scalar keeps its source
// text, null is "", and a plain timestamp is refused because go-yaml would not read it as a string.
import { isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { describeKind, isNullNode, isPlain } from './context.js';
import type { DecodeContext, ScalarNode, SeqNode } from './context.js';
import { resolvePlainScalar } from '../resolve/plain-scalar.js';
import { refusedCharacter } from '../policy/string-policy.js';

// `!!str` and the non-specific `!` both make a scalar a string, as in go-yaml.
const STRING_TAGS = new Set(['tag:yaml.org,2002:str', '!']);

export function scalarOrFail(
  ctx: DecodeContext,
  node: Node | null,
  path: string,
  expected: string,
  hint: string,
): ScalarNode {
  if (!isScalar(node))
    ctx.fail(node, path, `expected ${expected}, found ${describeKind(node)}`, hint);
  if (node.tag !== undefined && !STRING_TAGS.has(node.tag)) {
    ctx.fail(
      node,
      path,
      `the tag ${node.tag} is not supported here`,
      'Remove the tag; write the value on its own.',
    );
  }
  return node;
}

/** A Go `string` field. Plain scalars keep their source text; null is "". */
export function decodeString(ctx: DecodeContext, node: Node | null, path: string): string {
  if (isNullNode(node)) return '';
  const scalar = scalarOrFail(
    ctx,
    node,
    path,
    'a string',
    `Quote the value to make it text (JSON must be quoted too), e.g. '{"a": 1}'.`,
  );
  const text = String(scalar.value);
  if (isPlain(scalar) && resolvePlainScalar(text).kind === 'timestamp') {
    ctx.fail(
      scalar,
      path,
      `the plain value ${text} is read as a timestamp, not a string`,
      `Quote it: '${text}'.`,
    );
  }
  const refused = refusedCharacter(text);
  if (refused !== undefined) {
    ctx.fail(
      scalar,
      path,
      `the value contains ${refused}`,
      'Remove it: the tool refuses CR, U+0085, U+2028 and U+2029 because their encoding differs between factory releases.',
    );
  }
  return text;
}

/** A Go `[]string`: a sequence whose null items are dropped. */
export function decodeStringList(ctx: DecodeContext, node: Node | null, path: string): string[] {
  if (isNullNode(node)) return [];
  if (!isSeq(node)) {
    ctx.fail(
      node,
      path,
      `expected a list, found ${describeKind(node)}`,
      'Write one item per line, each starting with "- ".',
    );
  }
  const items: string[] = [];
  (node as SeqNode).items.forEach((raw, index) => {
    const item = ctx.deref(raw, `${path}[${index}]`);
    if (!isNullNode(item)) items.push(decodeString(ctx, item, `${path}[${index}]`));
  });
  return items;
}
