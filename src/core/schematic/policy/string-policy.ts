// Client policy on top of the factory (docs/factory-protocol.md §4.4): characters the factory
// accepts but whose encoding is unusual enough that the tool refuses them rather than risk an ID
// that differs.

const REFUSED = /[\r\u0085\u2028\u2029]/;

const NAMES: Readonly<Record<string, string>> = {
  '\r': 'a carriage return (CR)',
  '\u0085': 'a next-line character (U+0085)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
};

/** A description of the first refused character in `text`, or undefined when it has none. */
export function refusedCharacter(text: string): string | undefined {
  const match = REFUSED.exec(text);
  return match === null ? undefined : (NAMES[match[0]] ?? 'a refused character');
}
