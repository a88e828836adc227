// The Done screen's bundle offer as one pure function, so every key is tested without a terminal:
// `b` bundles to the path shown, `e` edits it (Enter keeps the edit, Esc undoes it), Enter ends.
import { isAbsolute, resolve } from 'node:path';
import type { Key } from 'ink';
import { isKey, typedText } from '../../keys.js';

export interface BundleOffer {
  /** As typed: relative to the project root, or absolute. */
  readonly path: string;
  /** The path before the edit began, restored by Esc; undefined when not editing. */
  readonly editingFrom: string | undefined;
  /** A problem `b` or Enter ran into, shown until the next key. */
  readonly problem: string | undefined;
}

export type BundleOfferEffect =
  { readonly type: 'bundle'; readonly out: string } | { readonly type: 'finish' };

/** Where `talos-release bundle` would put it, under the project's bundles/ folder. */
export function defaultBundlePath(releaseVersion: string): string {
  return `bundles/talos-release-${releaseVersion}.tar`;
}

export function initialBundleOffer(releaseVersion: string): BundleOffer {
  return { path: defaultBundlePath(releaseVersion), editingFrom: undefined, problem: undefined };
}

/** The bundle's absolute path: a relative one is taken from the project root, as --root does. */
export function bundleOut(root: string, path: string): string {
  const trimmed = path.trim();
  return isAbsolute(trimmed) ? trimmed : resolve(root, trimmed);
}

/**
 * Why `path` cannot take a bundle, or undefined. A name ending in .tar is one file, anything else
 * a folder to create; a path that exists is refused when the bundle starts (the services check).
 */
export function bundlePathProblem(path: string): string | undefined {
  return path.trim() === '' ? 'type a path: a .tar file, or a folder to create' : undefined;
}

export function pressBundleOfferKey(
  offer: BundleOffer,
  input: string,
  key: Key,
  root: string,
): { readonly offer: BundleOffer; readonly effect?: BundleOfferEffect } {
  const next = (change: Partial<BundleOffer>) => ({
    offer: { ...offer, problem: undefined, ...change },
  });
  if (offer.editingFrom !== undefined) {
    if (isKey('back', input, key)) return next({ path: offer.editingFrom, editingFrom: undefined });
    if (isKey('erase', input, key)) return next({ path: offer.path.slice(0, -1) });
    if (isKey('submit', input, key)) {
      const problem = bundlePathProblem(offer.path);
      return problem
        ? next({ problem })
        : next({ path: offer.path.trim(), editingFrom: undefined });
    }
    const text = typedText(input, key);
    return text === '' ? { offer } : next({ path: offer.path + text });
  }
  if (isKey('edit', input, key)) return next({ editingFrom: offer.path });
  if (isKey('bundle', input, key)) {
    const problem = bundlePathProblem(offer.path);
    if (problem) return next({ problem });
    return { offer, effect: { type: 'bundle', out: bundleOut(root, offer.path) } };
  }
  if (isKey('submit', input, key) || isKey('quit', input, key))
    return { offer, effect: { type: 'finish' } };
  return { offer };
}
