// go-yaml's natural key order for map[string]any (keyList.Less, docs/factory-protocol.md §4.6):
// letters by code point, digit runs compared as numbers. The factory sorts overlay.options this way
// at every level.

const isLetter = (char: string): boolean => /^\p{L}$/u.test(char);
const isDigit = (char: string): boolean => /^\p{Nd}$/u.test(char);

function digitRun(chars: readonly string[], start: number, seed: bigint): [bigint, number] {
  let value = seed;
  let end = start;
  for (; end < chars.length && isDigit(chars[end] ?? ''); end++) {
    // Go accumulates rune - '0' in an int64, wrapping on overflow.
    const digit = BigInt((chars[end]?.codePointAt(0) ?? 48) - 48);
    value = BigInt.asIntN(64, value * 10n + digit);
  }
  return [value, end];
}

function leadingZerosCount(chars: readonly string[], position: number): boolean {
  for (let j = position - 1; j >= 0 && isDigit(chars[j] ?? ''); j--) {
    if (chars[j] !== '0') return true;
  }
  return false;
}

function cp(char: string): number {
  return char.codePointAt(0) ?? 0;
}

/** Go's keyList.Less for two string keys. */
export function optionKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  let lastEqualWasDigit = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] ?? '';
    const bc = br[i] ?? '';
    if (ac === bc) {
      lastEqualWasDigit = isDigit(ac);
      continue;
    }
    const aLetter = isLetter(ac);
    const bLetter = isLetter(bc);
    if (aLetter && bLetter) return cp(ac) < cp(bc);
    if (aLetter || bLetter) return lastEqualWasDigit ? aLetter : bLetter;
    const seed = (ac === '0' || bc === '0') && leadingZerosCount(ar, i) ? 1n : 0n;
    const [an, aEnd] = digitRun(ar, i, seed);
    const [bn, bEnd] = digitRun(br, i, seed);
    if (an !== bn) return an < bn;
    if (aEnd !== bEnd) return aEnd < bEnd;
    return cp(ac) < cp(bc);
  }
  return ar.length < br.length;
}

export function compareOptionKeys(a: string, b: string): number {
  if (optionKeyLess(a, b)) return -1;
  return optionKeyLess(b, a) ? 1 : 0;
}
