// Picks the scalar style go-yaml gives a string (docs/factory-protocol.md §4.4, steps 1–4). The
// order of the checks is the point: the first rule that applies wins.
import { codePointOf, isBlankOrEnd, isGoSpace, isLineBreak, isPrintable } from './characters.js';
import type { EncoderDialect } from './dialect.js';
import { resolvePlainScalar } from '../resolve/plain-scalar.js';

export type StringStyle = 'plain' | 'single' | 'double' | 'literal';

const YAML11_BOOL_WORDS = new Set('y Y yes Yes YES on On ON n N no No NO off Off OFF'.split(' '));
const BASE_60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const PLAIN_FORBIDDEN_FIRST = new Set([...'#,[]{}&*!|>\'"%@`']);

function literalAllowed(text: string, isKey: boolean, dialect: EncoderDialect): boolean {
  if (isKey || text.endsWith(' ') || text.includes(' \n')) return false;
  for (const char of text) {
    if (char !== '\t' && !isPrintable(codePointOf(char))) return false;
  }
  if (dialect === 'legacy') return true;
  // rc.6 double-quotes a one-byte "\n" and strings made only of whitespace.
  return Buffer.byteLength(text, 'utf8') >= 2 && [...text].some((c) => !isGoSpace(c));
}

function plainAllowed(text: string): boolean {
  const chars = [...text];
  const first = chars[0];
  if (first === undefined || first === ' ' || chars.at(-1) === ' ') return false;
  if (text.startsWith('---') || text.startsWith('...')) return false;
  if (PLAIN_FORBIDDEN_FIRST.has(first)) return false;
  if ((first === '?' || first === ':' || first === '-') && isBlankOrEnd(chars[1])) return false;
  for (const [i, char] of chars.entries()) {
    if (char === '\t' || isLineBreak(char) || !isPrintable(codePointOf(char))) return false;
    if (char === ':' && isBlankOrEnd(chars[i + 1])) return false;
    if (char === '#' && (chars[i - 1] === ' ' || chars[i - 1] === '\t')) return false;
  }
  return true;
}

function singleQuotesAllowed(text: string): boolean {
  const chars = [...text];
  for (const [i, char] of chars.entries()) {
    if (char === '\t' || !isPrintable(codePointOf(char))) return false;
    if (char === ' ' && isLineBreak(chars[i + 1])) return false;
    if (isLineBreak(char) && chars[i + 1] === ' ') return false;
  }
  return true;
}

/** True for strings a YAML 1.1 reader would take for a bool, a base-60 number or a merge key. */
export function isYaml11Ambiguous(text: string): boolean {
  return YAML11_BOOL_WORDS.has(text) || BASE_60.test(text) || text === '<<';
}

export function chooseStringStyle(
  text: string,
  options: { readonly isKey: boolean; readonly dialect: EncoderDialect },
): StringStyle {
  if (text.includes('\n')) {
    return literalAllowed(text, options.isKey, options.dialect) ? 'literal' : 'double';
  }
  if (isYaml11Ambiguous(text)) return options.dialect === 'legacy' ? 'double' : 'single';
  if (resolvePlainScalar(text).kind !== 'string') return 'double';
  if (plainAllowed(text)) return 'plain';
  return singleQuotesAllowed(text) ? 'single' : 'double';
}
