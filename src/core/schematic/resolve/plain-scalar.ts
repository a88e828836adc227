// What go-yaml's resolver makes of a plain (unquoted) scalar: the YAML core rules the factory uses
// for overlay.options, and the test the encoder uses to decide whether a string needs quotes.
import { parseGoInteger } from './go-int.js';
import { parseGoTimestamp } from './go-timestamp.js';
import type { OptionScalar } from '../types.js';

const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);
const NAN_WORDS = new Set(['.nan', '.NaN', '.NAN']);
const INF_WORDS = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const NEG_INF_WORDS = new Set(['-.inf', '-.Inf', '-.INF']);

const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// strconv.ParseFloat on a string that starts with '.': digits, optional exponent, and underscores
// only between digits.
const DOT_FLOAT = /^\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?$/;

/** ParseFloat refuses (ErrRange) a finite spelling that overflows to infinity. */
function finiteFloat(text: string): number | undefined {
  const value = Number(text.replaceAll('_', ''));
  return Number.isFinite(value) ? value : undefined;
}

function resolveNumeric(text: string): OptionScalar | undefined {
  if (/^[0-9]/.test(text)) {
    const timestamp = parseGoTimestamp(text);
    if (timestamp !== undefined) return { kind: 'timestamp', text: timestamp };
  }
  const plain = text.replaceAll('_', '');
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return { kind: 'int', value: integer };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = finiteFloat(plain);
    if (value !== undefined) return { kind: 'float', value };
  }
  return undefined;
}

export function resolvePlainScalar(text: string): OptionScalar {
  if (NULL_WORDS.has(text)) return { kind: 'null' };
  if (TRUE_WORDS.has(text)) return { kind: 'bool', value: true };
  if (FALSE_WORDS.has(text)) return { kind: 'bool', value: false };
  if (NAN_WORDS.has(text)) return { kind: 'float', value: NaN };
  if (INF_WORDS.has(text)) return { kind: 'float', value: Infinity };
  if (NEG_INF_WORDS.has(text)) return { kind: 'float', value: -Infinity };
  const first = text[0] ?? '';
  if (first === '.' && DOT_FLOAT.test(text)) {
    const value = finiteFloat(text);
    if (value !== undefined) return { kind: 'float', value };
  }
  if (/^[0-9+-]/.test(first)) {
    const numeric = resolveNumeric(text);
    if (numeric !== undefined) return numeric;
  }
  return { kind: 'string', value: text };
}
