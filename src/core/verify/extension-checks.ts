// talos.extensions is the release's bill of materials: one entry per extension the schematic
// names, as the version's catalogue resolved it. An entry added or dropped by hand would make it
// describe another image than the one the schematic ID stands for.
import { EXTENSION_ALIASES } from '../catalogue/index.js';
import { ExitCode, ReleaseError } from '../errors.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { decodeSchematic } from '../schematic/index.js';
import { failed, passed } from './checklist.js';
import type { CheckResult } from './checklist.js';

const TITLE = 'talos.extensions lists the extensions of talos.schematic';

export function checkExtensionsRecorded(manifest: ReleaseManifest): CheckResult {
  let requested: readonly string[];
  try {
    const schematic = decodeSchematic(manifest.talos.schematic, 'talos.schematic');
    requested = [...new Set(schematic.customization.systemExtensions?.officialExtensions ?? [])];
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return failed('extensions', TITLE, {
      detail: `talos.schematic cannot be read: ${error.message}`,
      fix: 'Restore the manifest from version control, or cut the release again.',
      exitCode: ExitCode.integrity,
    });
  }
  const recorded = manifest.talos.extensions.map((entry) => entry.name);
  // The factory resolves a renamed extension through its alias table
  // (docs/factory-protocol.md §6): either name is right.
  const resolves = (name: string, entry: string): boolean =>
    entry === name || EXTENSION_ALIASES.get(name) === entry;
  const missing = requested.filter((name) => !recorded.some((entry) => resolves(name, entry)));
  const extra = recorded.filter((entry) => !requested.some((name) => resolves(name, entry)));
  if (missing.length === 0 && extra.length === 0) {
    return passed('extensions', TITLE, listed(recorded));
  }
  return failed('extensions', TITLE, {
    detail: [
      ...(missing.length > 0
        ? [`named by the schematic but not recorded: ${missing.join(', ')}`]
        : []),
      ...(extra.length > 0 ? [`recorded but not named by the schematic: ${extra.join(', ')}`] : []),
    ].join('\n'),
    expected: `${listed(requested)} (talos.schematic)`,
    actual: `${listed(recorded)} (talos.extensions)`,
    fix: 'Restore the manifest from version control, or cut the release again.',
    exitCode: ExitCode.integrity,
  });
}

function listed(names: readonly string[]): string {
  return names.length === 0 ? 'no extensions' : names.join(', ');
}
