// Go's strconv.ParseInt / ParseUint with base 0, which is what go-yaml's resolver calls after it
// has removed every `_`. The factory types META keys and sector sizes this way, so `012` is octal.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

const DIGITS_BY_BASE: Readonly<Record<number, RegExp>> = {
  2: /^[01]+$/,
  8: /^[0-7]+$/,
  10: /^[0-9]+$/,
  16: /^[0-9a-fA-F]+$/,
};

function splitBase(body: string): { base: number; digits: string } {
  const prefix = body.slice(0, 2).toLowerCase();
  if (prefix === '0x') return { base: 16, digits: body.slice(2) };
  if (prefix === '0b') return { base: 2, digits: body.slice(2) };
  if (prefix === '0o') return { base: 8, digits: body.slice(2) };
  // A bare leading zero means octal; the zero itself is a valid octal digit.
  if (body.length > 1 && body.startsWith('0')) return { base: 8, digits: body.slice(1) };
  return { base: 10, digits: body };
}

function toBigInt(base: number, digits: string): bigint {
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  return BigInt(prefix + digits);
}

/**
 * The integer go-yaml resolves a plain scalar to (ParseInt, then ParseUint), or undefined when
 * both refuse it. `text` must already have its underscores removed.
 */
export function parseGoInteger(text: string): bigint | undefined {
  const value = integerSpellingValue(text);
  if (value === undefined) return undefined;
  if (value >= INT64_MIN && value <= INT64_MAX) return value;
  // ParseUint takes no sign at all, so only an unsigned spelling gets the uint64 range.
  if (!/^[-+]/.test(text) && value <= UINT64_MAX) return value;
  return undefined;
}

/**
 * The value of an integer spelling of any size (`99999999999999999999`), so that a number too
 * large for Go's integer types can be reported as out of range rather than as not a number.
 * `text` must already have its underscores removed.
 */
export function integerSpellingValue(text: string): bigint | undefined {
  const signChar = text[0] === '+' || text[0] === '-' ? text[0] : '';
  const { base, digits } = splitBase(text.slice(signChar.length));
  const pattern = DIGITS_BY_BASE[base];
  if (digits === '' || pattern === undefined || !pattern.test(digits)) return undefined;
  const magnitude = toBigInt(base, digits);
  return signChar === '-' ? -magnitude : magnitude;
}
