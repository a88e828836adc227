// Go bool, unsigned integer and BootloaderKind fields (docs/factory-protocol.md §3.2): each accepts
// only the spellings go-yaml accepts for that type.
import type { Node } from 'yaml';
import { isNullNode, isPlain, quotedForMessage } from './context.js';
import type { DecodeContext } from './context.js';
import { scalarOrFail } from './strings.js';
import { integerSpellingValue } from '../resolve/go-int.js';
import { resolvePlainScalar } from '../resolve/plain-scalar.js';
import type { BootloaderKind } from '../types.js';

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
    `expected true or false, found ${quotedForMessage(text) ?? 'another value'}`,
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
      `expected a number, found the quoted string ${quotedForMessage(text) ?? ''}`.trimEnd(),
      `Remove the quotes. ${hint}`,
    );
  const resolved = resolvePlainScalar(text);
  const outOfRange = `${text} is out of range (0 to ${max})`;
  if (resolved.kind !== 'int') {
    // Beyond Go's 64-bit types the resolver no longer calls it an integer, but the user wrote one.
    if (integerSpellingValue(text.replaceAll('_', '')) !== undefined)
      ctx.fail(scalar, path, outOfRange, hint);
    ctx.fail(
      scalar,
      path,
      `expected a whole number, found ${quotedForMessage(text) ?? 'another value'}`,
      hint,
    );
  }
  if (resolved.value < 0n || resolved.value > max) ctx.fail(scalar, path, outOfRange, hint);
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
  return ctx.fail(scalar, path, `unknown bootloader ${quotedForMessage(text) ?? 'name'}`, hint);
}
