// Checks every requested extension against the chosen version's catalogue before anything is
// submitted: the factory accepts any name at POST time and fails only at build time
// (docs/factory-protocol.md §6).
import { EXTENSION_ALIASES, formerNamesOf } from './aliases.js';
import { closestNames } from './closest.js';
import type { BomEntry, CatalogueProblem, ExtensionInfo, RenamedExtension } from './types.js';

export interface ExtensionCheckInput {
  readonly requested: readonly string[];
  readonly catalogue: readonly ExtensionInfo[];
  readonly talosVersion: string;
}

export interface ExtensionCheckResult {
  /** In the requested order, one entry per distinct extension that resolved. */
  readonly bom: BomEntry[];
  readonly problems: CatalogueProblem[];
  /** Old names the factory accepts through its alias table; suggest the current name. */
  readonly renamed: RenamedExtension[];
}

export function checkExtensions(input: ExtensionCheckInput): ExtensionCheckResult {
  const byName = new Map(input.catalogue.map((entry) => [entry.name, entry]));
  const names = [...byName.keys()];
  const bom: BomEntry[] = [];
  const problems: CatalogueProblem[] = [];
  const renamed: RenamedExtension[] = [];
  const seen = new Set<string>();
  for (const name of input.requested) {
    if (seen.has(name)) continue;
    seen.add(name);
    const alias = EXTENSION_ALIASES.get(name);
    // The factory looks the name up first and falls back to the alias only when it is missing.
    const entry = byName.get(name) ?? (alias === undefined ? undefined : byName.get(alias));
    if (entry) {
      bom.push({ name: entry.name, ref: entry.ref, digest: entry.digest });
      if (entry.name !== name) renamed.push({ name, current: entry.name });
      continue;
    }
    const formerNames = formerNamesOf(name).filter((old) => byName.has(old));
    const suggestions = [...new Set([...formerNames, ...closestNames(name, names)])];
    problems.push({
      name,
      reason:
        formerNames.length > 0
          ? `is not available for Talos ${input.talosVersion} under this name (it was renamed later)`
          : `is not available for Talos ${input.talosVersion}`,
      suggestions,
    });
  }
  return { bom, problems, renamed };
}
