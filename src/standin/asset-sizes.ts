// Per-asset sizes a test can set: exact asset paths first, then `*` globs in the order given,
// then the single default. A release with several targets needs them to differ, or every
// artifact would have the same length and a mix-up between them could go unnoticed.
import { UserInputError } from '../core/errors.js';

export type AssetSizes = Readonly<Record<string, number>>;

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Throws a UserInputError naming `what` unless `size` is a non-negative integer. */
export function checkByteCount(what: string, size: number, hint: string): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new UserInputError(`${what} ${size} is not a whole number of bytes`, { hint });
  }
}

/** Returns path → size; throws on a negative or fractional size so a typo fails at start. */
export function assetSizer(defaultSize: number, sizes: AssetSizes = {}): (path: string) => number {
  const globs: { readonly pattern: RegExp; readonly size: number }[] = [];
  for (const [name, size] of Object.entries(sizes)) {
    checkByteCount(
      `asset size of ${JSON.stringify(name)}`,
      size,
      'Give each entry of assetSizes a non-negative integer.',
    );
    if (name.includes('*')) globs.push({ pattern: globToRegExp(name), size });
  }
  return (path) => {
    if (Object.hasOwn(sizes, path)) return sizes[path] ?? defaultSize;
    return globs.find((glob) => glob.pattern.test(path))?.size ?? defaultSize;
  };
}
