// The tool's normal form (docs/factory-protocol.md §6 client policy): officialExtensions sorted in
// code-unit order and exact duplicates removed, so one extension set gets one ID. Kernel arguments
// keep their order and repeats, which can be meaningful (several console= arguments).
import type { Schematic } from '../types.js';

export interface NormalizeOptions {
  /** Keep the extension list exactly as written, to match an ID made elsewhere. */
  readonly keepExtensionOrder?: boolean | undefined;
}

export interface NormalForm {
  readonly schematic: Schematic;
  /** What changed, as sentences a person reads; empty when the schematic was already normal. */
  readonly changes: string[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function uniqueExtensions(names: readonly string[], changes: string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const name of names) {
    if (seen.has(name)) {
      changes.push(`duplicate extension ${name} removed`);
    } else {
      seen.add(name);
      unique.push(name);
    }
  }
  return unique;
}

export function normalizeSchematic(
  schematic: Schematic,
  options: NormalizeOptions = {},
): NormalForm {
  const extensions = schematic.customization.systemExtensions?.officialExtensions;
  if (options.keepExtensionOrder || extensions === undefined || extensions.length === 0) {
    return { schematic, changes: [] };
  }
  const changes: string[] = [];
  const unique = uniqueExtensions(extensions, changes);
  const sorted = [...unique].sort(byCodeUnits);
  if (sorted.some((name, i) => name !== unique[i])) {
    changes.unshift('extensions sorted for a stable schematic ID (the factory does not sort)');
  }
  if (changes.length === 0) return { schematic, changes };
  const customization = {
    ...schematic.customization,
    systemExtensions: { ...schematic.customization.systemExtensions, officialExtensions: sorted },
  };
  return { schematic: { ...schematic, customization }, changes };
}
