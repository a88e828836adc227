// The checks the factory makes only when it builds something for a version ("enhancing the profile
// from the schematic"): they are never made at POST time, since schematics carry no version. The
// alias table is the factory's own data (docs/factory-protocol.md §6); client and stand-in must
// agree on it.
import { EXTENSION_ALIASES } from '../core/catalogue/index.js';
import type { Schematic } from '../core/schematic/index.js';
import { extensionsFor, overlaysFor } from './catalog.js';
import { atLeast } from './semver.js';
import type { TalosVersion } from './semver.js';

const ENROLL_KEYS = new Set(['off', 'manual', 'if-safe', 'force']);
const PREFIX = 'error enhancing profile from schematic';

/** The factory's 400 message when `schematic` cannot be built for `version`, else undefined. */
export function buildProblem(
  schematic: Schematic,
  version: TalosVersion,
  versionName: string,
  secureboot: boolean,
): string | undefined {
  const customization = schematic.customization;
  if (secureboot && !atLeast(version, 1, 5)) {
    return `${PREFIX}: secureboot is not supported for Talos version ${versionName}`;
  }
  const enrollKeys = customization.secureboot?.enrollKeys;
  if (enrollKeys !== undefined && enrollKeys !== '' && !ENROLL_KEYS.has(enrollKeys)) {
    return `${PREFIX}: invalid enrollKeys value ${JSON.stringify(enrollKeys)}`;
  }
  if (customization.embeddedMachineConfiguration && !atLeast(version, 1, 12)) {
    return `${PREFIX}: embedding configuration is not supported for Talos version ${versionName}`;
  }
  const overlay = schematic.overlay;
  if (overlay && (overlay.image !== '' || overlay.name !== '')) {
    if (!atLeast(version, 1, 7)) {
      return `${PREFIX}: overlay is not supported for Talos version ${versionName}`;
    }
    const known = overlaysFor(version).some(
      (o) => o.name === overlay.name && o.image === overlay.image,
    );
    if (!known) {
      return `${PREFIX}: official overlay ${JSON.stringify(`${overlay.image}:${overlay.name}`)} is not available for Talos version ${versionName}`;
    }
  }
  const available = new Set(extensionsFor(version).map((e) => e.name));
  for (const name of customization.systemExtensions?.officialExtensions ?? []) {
    const alias = EXTENSION_ALIASES.get(name);
    if (available.has(name) || (alias !== undefined && available.has(alias))) continue;
    return `${PREFIX}: official extension ${JSON.stringify(name)} is not available for Talos version ${versionName}`;
  }
  return undefined;
}
