// Schematic features that only some Talos versions support (docs/factory-protocol.md §11). The
// factory checks them only when it builds, minutes later; we check when the version is picked.
import semver from 'semver';
import type { Schematic } from '../schematic/index.js';
import type { CatalogueProblem } from './types.js';

interface Quirk {
  readonly field: string;
  /** Oldest Talos minor line that supports the feature. */
  readonly since: string;
  readonly present: (schematic: Schematic, options: QuirkOptions) => boolean;
  readonly fix: string;
}

export interface QuirkOptions {
  /** A SecureBoot image was asked for, whether or not the schematic says anything about it. */
  readonly secureboot?: boolean;
}

const QUIRKS: readonly Quirk[] = [
  {
    field: 'overlay',
    since: '1.7',
    present: (s) => s.overlay !== undefined,
    fix: 'remove the overlay, or pick Talos 1.7 or newer',
  },
  {
    field: 'customization.embeddedMachineConfiguration',
    since: '1.12',
    present: (s) => Boolean(s.customization.embeddedMachineConfiguration),
    fix: 'remove embeddedMachineConfiguration, or pick Talos 1.12 or newer',
  },
  {
    field: 'customization.bootloader',
    since: '1.12',
    present: (s) =>
      s.customization.bootloader !== undefined && s.customization.bootloader !== 'none',
    fix: 'remove bootloader (the default applies), or pick Talos 1.12 or newer',
  },
  {
    field: 'customization.secureboot',
    since: '1.5',
    present: (s, options) =>
      options.secureboot === true ||
      Boolean(s.customization.secureboot?.enrollKeys) ||
      s.customization.secureboot?.includeWellKnownCertificates === true,
    fix: 'drop SecureBoot, or pick Talos 1.5 or newer',
  },
];

/** Problems for every feature the schematic uses that `talosVersion` does not support. */
export function checkVersionQuirks(
  schematic: Schematic,
  talosVersion: string,
  options: QuirkOptions = {},
): CatalogueProblem[] {
  const talos = semver.coerce(talosVersion);
  if (!talos) return [];
  // Pre-releases of a line count as that line: features land before the .0 tag.
  const line = `${talos.major}.${talos.minor}.0`;
  return QUIRKS.filter(
    (quirk) => quirk.present(schematic, options) && semver.lt(line, `${quirk.since}.0`),
  ).map((quirk) => ({
    name: quirk.field,
    reason: `is not supported by Talos ${talosVersion} (needs ${quirk.since} or newer)`,
    suggestions: [quirk.fix],
  }));
}
