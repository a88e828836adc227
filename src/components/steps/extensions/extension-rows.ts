// The rows of the extension screen: the ticked names the chosen version does not offer come first,
// as problems with the suggested replacement, then the version's whole catalogue.
import { checkExtensions } from '../../../core/catalogue/index.js';
import type { ExtensionInfo } from '../../../core/catalogue/index.js';

export type ExtensionRow =
  | { readonly kind: 'extension'; readonly info: ExtensionInfo }
  | {
      readonly kind: 'problem';
      readonly name: string;
      readonly reason: string;
      readonly suggestion: string | undefined;
      /** Renamed extensions still build (the factory maps the old name), so they do not block. */
      readonly blocking: boolean;
    };

export function rowKey(row: ExtensionRow): string {
  return row.kind === 'extension' ? row.info.name : `problem:${row.name}`;
}

export function extensionRows(
  selected: ReadonlySet<string>,
  catalogue: readonly ExtensionInfo[],
  talosVersion: string,
): ExtensionRow[] {
  const check = checkExtensions({ requested: [...selected], catalogue, talosVersion });
  const problems: ExtensionRow[] = check.problems.map((problem) => ({
    kind: 'problem',
    name: problem.name,
    reason: problem.reason,
    suggestion: problem.suggestions[0],
    blocking: true,
  }));
  const renamed: ExtensionRow[] = check.renamed.map((entry) => ({
    kind: 'problem',
    name: entry.name,
    reason: `was renamed to ${entry.current}`,
    suggestion: entry.current,
    blocking: false,
  }));
  // Code-point order, so the list reads the same whatever the locale.
  const sorted = [...catalogue].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [
    ...problems,
    ...renamed,
    ...sorted.map((info): ExtensionRow => ({ kind: 'extension', info })),
  ];
}

/** Typing filters on the name and the description. */
export function rowMatches(row: ExtensionRow, filter: string): boolean {
  const wanted = filter.trim().toLowerCase();
  if (row.kind === 'problem') return row.name.toLowerCase().includes(wanted);
  return (
    row.info.name.toLowerCase().includes(wanted) ||
    (row.info.description ?? '').toLowerCase().includes(wanted)
  );
}

/** The image tag of an extension reference, e.g. `20250109-v1.12.11`. */
export function extensionTag(ref: string): string {
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon >= 0 ? lastPart.slice(colon + 1) : 'latest';
}

/** A catalogue description on one line, without the `[core]`-style category prefix. */
export function oneLineDescription(description: string | undefined): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  return text.replace(/^\[[^\]]*\]\s*/, '') || '(no description)';
}
