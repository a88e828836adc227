// Literal block scalars (docs/factory-protocol.md §4.5): the `|` header with its indicators, and
// the content lines.
import type { EncoderDialect } from './dialect.js';

function chompingIndicator(text: string): string {
  if (!text.endsWith('\n')) return '-';
  return text.endsWith('\n\n') || text === '\n' ? '+' : '';
}

export function literalHeader(text: string, dialect: EncoderDialect): string {
  // The parser would otherwise guess the indentation from a leading space; rc.6 stopped adding
  // the indicator for a leading line break.
  const needsIndicator = text.startsWith(' ') || (dialect === 'legacy' && text.startsWith('\n'));
  return `|${needsIndicator ? '4' : ''}${chompingIndicator(text)}`;
}

/**
 * The content lines at `column`. Empty lines carry no indentation. The caller joins every line
 * with LF and ends the document with one, which gives strip chomping its closing LF and leaves
 * clip and keep with exactly their own breaks.
 */
export function literalLines(text: string, column: number): string[] {
  const pieces = text.split('\n');
  if (text.endsWith('\n')) pieces.pop();
  const indent = ' '.repeat(column);
  return pieces.map((piece) => (piece === '' ? '' : indent + piece));
}
