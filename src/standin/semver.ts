// Just enough semver for the stand-in: the factory parses `:version` with a semver library and
// answers 500 for anything malformed, so the stand-in must tell malformed from unlisted.

export interface TalosVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** e.g. `alpha.1`; empty for a stable release. */
  readonly prerelease: string;
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses `1.12.0` or `v1.12.0`; undefined when it is not semver. */
export function parseVersion(text: string): TalosVersion | undefined {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? '',
  };
}

/** The `v`-prefixed form the factory lists, without build metadata. */
export function formatVersion(version: TalosVersion): string {
  const base = `v${version.major}.${version.minor}.${version.patch}`;
  return version.prerelease === '' ? base : `${base}-${version.prerelease}`;
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  // A release sorts after all of its pre-releases.
  if (a === '') return 1;
  if (b === '') return -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return Math.sign(diff);
    } else if (xNumeric !== yNumeric) {
      return xNumeric ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

export function compareVersions(a: TalosVersion, b: TalosVersion): number {
  return (
    Math.sign(a.major - b.major) ||
    Math.sign(a.minor - b.minor) ||
    Math.sign(a.patch - b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

/** True when `version` belongs to minor line `major.minor` or a later one; Talos quirks count a
 * minor's pre-releases as that minor (1.12.0-alpha.2 already embeds configuration). */
export function atLeast(version: TalosVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}
