// The catalogue the stand-in serves: real data copied from the team's shared fixtures (see
// catalog/PROVENANCE.md), imported as JSON so the build carries it into dist/ and nothing outside
// the repository is read at run time.
import versionsJson from './catalog/versions.json' with { type: 'json' };
import brokenJson from './catalog/broken.json' with { type: 'json' };
import ext1_10 from './catalog/extensions/v1.10.9.json' with { type: 'json' };
import ext1_11 from './catalog/extensions/v1.11.2.json' with { type: 'json' };
import ext1_12 from './catalog/extensions/v1.12.11.json' with { type: 'json' };
import ext1_13 from './catalog/extensions/v1.13.9.json' with { type: 'json' };
import ext1_14 from './catalog/extensions/v1.14.0-alpha.1.json' with { type: 'json' };
import ovl1_10 from './catalog/overlays/v1.10.9.json' with { type: 'json' };
import ovl1_11 from './catalog/overlays/v1.11.2.json' with { type: 'json' };
import ovl1_12 from './catalog/overlays/v1.12.11.json' with { type: 'json' };
import ovl1_13 from './catalog/overlays/v1.13.9.json' with { type: 'json' };
import ovl1_14 from './catalog/overlays/v1.14.0-alpha.1.json' with { type: 'json' };
import { atLeast, compareVersions, parseVersion } from './semver.js';
import type { TalosVersion } from './semver.js';

export interface ExtensionEntry {
  readonly name: string;
  readonly ref: string;
  readonly digest: string;
  readonly author: string;
  readonly description: string;
}

export interface OverlayEntry {
  readonly name: string;
  readonly image: string;
  readonly ref: string;
  readonly digest: string;
}

interface CatalogFiles {
  readonly version: TalosVersion;
  readonly extensions: readonly ExtensionEntry[];
  readonly overlays: readonly OverlayEntry[];
}

function files(
  version: string,
  extensions: readonly ExtensionEntry[],
  overlays: readonly OverlayEntry[],
): CatalogFiles {
  const parsed = parseVersion(version);
  if (!parsed) throw new Error(`catalogue file version ${version} is not semver`);
  return { version: parsed, extensions, overlays };
}

const CATALOG_FILES: readonly CatalogFiles[] = [
  files('v1.10.9', ext1_10, ovl1_10),
  files('v1.11.2', ext1_11, ovl1_11),
  files('v1.12.11', ext1_12, ovl1_12),
  files('v1.13.9', ext1_13, ovl1_13),
  files('v1.14.0-alpha.1', ext1_14, ovl1_14),
];

/** The `/versions` list, ascending, `v`-prefixed. */
export const LISTED_VERSIONS: readonly string[] = versionsJson;
/** The `/versions?broken=true` list. */
export const BROKEN_VERSIONS: readonly string[] = brokenJson;

/** The newest listed release without a pre-release part: what the registry's `latest` means. */
export function newestStable(): string {
  const stable = LISTED_VERSIONS.filter((v) => parseVersion(v)?.prerelease === '');
  const newest = stable.at(-1);
  if (newest === undefined) throw new Error('the catalogue lists no stable version');
  return newest;
}

function distance(a: TalosVersion, b: TalosVersion): number {
  // Patch distance within one minor line; pre-releases sit just below their patch.
  return Math.abs(a.patch - b.patch) + (a.prerelease === b.prerelease ? 0 : 0.5);
}

/** Only five versions have catalogue files; every other listed version borrows the nearest one of
 * its minor line, else the nearest earlier one, else the earliest, so every listed version works. */
function catalogFor(version: TalosVersion): CatalogFiles {
  const sameMinor = CATALOG_FILES.filter(
    (f) => f.version.major === version.major && f.version.minor === version.minor,
  );
  if (sameMinor.length > 0) {
    return sameMinor.reduce((best, f) =>
      distance(f.version, version) < distance(best.version, version) ? f : best,
    );
  }
  const earlier = CATALOG_FILES.filter((f) => compareVersions(f.version, version) < 0);
  const chosen = earlier.at(-1) ?? CATALOG_FILES[0];
  if (!chosen) throw new Error('the catalogue has no files');
  return chosen;
}

export function extensionsFor(version: TalosVersion): readonly ExtensionEntry[] {
  return catalogFor(version).extensions;
}

/** Overlays are unsupported below Talos 1.7, where the factory lists none. */
export function overlaysFor(version: TalosVersion): readonly OverlayEntry[] {
  return atLeast(version, 1, 7) ? catalogFor(version).overlays : [];
}
