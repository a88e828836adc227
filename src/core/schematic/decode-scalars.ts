// Re-types a failsafe scalar by the Go rules of §3.2 for each target type of the schematic struct.
import { isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { describeKind, isNullNode, isPlain } from './decode-context.js';
import type { DecodeContext, ScalarNode, SeqNode } from './decode-context.js';
import { resolvePlainScalar } from './resolve-plain.js';
import { refusedCharacter } from './string-policy.js';
import type { BootloaderKind } from './types.js';

const STR_TAG = 'tag:yaml.org,2002:str';

function scalarOrFail(
  ctx: DecodeContext,
  node: Node | null,
  path: string,
  expected: string,
  hint: string,
): ScalarNode {
  if (!isScalar(node))
    ctx.fail(node, path, `expected ${expected}, found ${describeKind(node)}`, hint);
  if (node.tag !== undefined && node.tag !== STR_TAG) {
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
    const item = ctx.deref(raw);
    if (!isNullNode(item)) items.push(decodeString(ctx, item, `${path}[${index}]`));
  });
  return items;
}

const TRUE_WORDS = new Set('true True TRUE y Y yes Yes YES on On ON'.split(' '));
const FALSE_WORDS = new Set('false False FALSE n N no No NO off Off OFF'.split(' '));
const CORE_BOOLS = new Set('true True TRUE false False FALSE'.split(' '));

export function decodeBool(ctx: DecodeContext, node: Node | null, path: string): boolean {
  if (isNullNode(node)) return false;
  const scalar = scalarOrFail(
    ctx,
    node,
    path,
    'true or false',
    'Write true or false, without quotes.',
  );
  const text = String(scalar.value);
  // Quoted "true" is a string to go-yaml; the YAML 1.1 words are accepted either way.
  const accepted = isPlain(scalar) || !CORE_BOOLS.has(text);
  if (accepted && TRUE_WORDS.has(text)) return true;
  if (accepted && FALSE_WORDS.has(text)) return false;
  return ctx.fail(
    scalar,
    path,
    `expected true or false, found ${JSON.stringify(text)}`,
    'Write true or false, without quotes.',
  );
}

/** A Go unsigned integer: plain, base-0 (`0xa`, `0o12`, `012`, `0b1010`, `1_0`), at most `max`. */
export function decodeUint(
  ctx: DecodeContext,
  node: Node | null,
  path: string,
  max: bigint,
): number {
  if (isNullNode(node)) return 0;
  const hint = `Write a whole number from 0 to ${max}, without quotes (e.g. 10 or 0xa).`;
  const scalar = scalarOrFail(ctx, node, path, 'a whole number', hint);
  const text = String(scalar.value);
  if (!isPlain(scalar))
    ctx.fail(
      scalar,
      path,
      `expected a number, found the quoted string ${JSON.stringify(text)}`,
      `Remove the quotes. ${hint}`,
    );
  const resolved = resolvePlainScalar(text);
  if (resolved.kind !== 'int')
    ctx.fail(scalar, path, `expected a whole number, found ${JSON.stringify(text)}`, hint);
  if (resolved.value < 0n || resolved.value > max)
    ctx.fail(scalar, path, `${text} is out of range`, hint);
  return Number(resolved.value);
}

const BOOTLOADERS: readonly BootloaderKind[] = ['none', 'dual-boot', 'sd-boot', 'grub'];

export function decodeBootloader(
  ctx: DecodeContext,
  node: Node | null,
  path: string,
): BootloaderKind {
  if (isNullNode(node)) return 'none';
  const hint = `Write one of ${BOOTLOADERS.join(', ')}.`;
  const scalar = scalarOrFail(ctx, node, path, 'a bootloader name', hint);
  const text = String(scalar.value);
  const kind = BOOTLOADERS.find((name) => name === text.toLowerCase());
  if (kind !== undefined) return kind;
  if (text.toLowerCase() === 'auto') {
    ctx.fail(
      scalar,
      path,
      'the factory rejects bootloader "auto" (auto does not belong to BootloaderKind values)',
      'Leave the bootloader field out: "auto" means not setting it.',
    );
  }
  return ctx.fail(scalar, path, `unknown bootloader ${JSON.stringify(text)}`, hint);
}
