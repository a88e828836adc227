// Character classes of the go-yaml emitter (docs/factory-protocol.md §4.4): what it calls
// printable, a break or a space.

/** LF, U+0020–U+007E, U+00A0–U+D7FF and U+E000–U+FFFD except the BOM. */
export function isPrintable(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd && codePoint !== 0xfeff)
  );
}

export function isLineBreak(char: string | undefined): boolean {
  return (
    char === '\n' || char === '\r' || char === '\u0085' || char === '\u2028' || char === '\u2029'
  );
}

/** Space, tab, a line break, or the end of the string (libyaml's is_blankz). */
export function isBlankOrEnd(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || isLineBreak(char);
}

/** Go's unicode.IsSpace, which decides whether a multi-line string is all whitespace. */
export function isGoSpace(char: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(char);
}

export function codePointOf(char: string): number {
  return char.codePointAt(0) ?? 0;
}
