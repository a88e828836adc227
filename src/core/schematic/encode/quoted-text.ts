// The two quoted scalar forms exactly as go-yaml writes them (docs/factory-protocol.md §4.4):
// escapes with upper-case hex, printable non-ASCII written raw, no line folding.
import { codePointOf, isLineBreak, isPrintable } from './characters.js';

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, '\\0'],
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0b, '\\v'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x1b, '\\e'],
  [0x22, '\\"'],
  [0x5c, '\\\\'],
  [0x85, '\\N'],
  [0x2028, '\\L'],
  [0x2029, '\\P'],
]);

function hexEscape(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase();
  if (codePoint <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (codePoint <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function escapeChar(char: string): string {
  const codePoint = codePointOf(char);
  const needsEscape = !isPrintable(codePoint) || isLineBreak(char) || char === '"' || char === '\\';
  if (!needsEscape) return char;
  return NAMED_ESCAPES.get(codePoint) ?? hexEscape(codePoint);
}

export function doubleQuoted(text: string): string {
  let body = '';
  for (const char of text) body += escapeChar(char);
  return `"${body}"`;
}

export function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
