// Reads the factory's /versions list: ascending, `v`-prefixed, pre-releases only for the newest
// minor line (docs/factory-protocol.md §8.4). There is no "latest" field, so we compute it.
import semver from 'semver';

export interface ClassifiedVersion {
  /** As the factory spells it, with the leading `v`, e.g. `v1.12.4`. */
  readonly version: string;
  readonly prerelease: boolean;
  /** The minor line, e.g. `1.12`. */
  readonly minor: string;
}

/** `1.12.4` or `v1.12.4` → `v1.12.4`; undefined when it is not semver. */
export function normaliseTalosVersion(text: string): string | undefined {
  const parsed = semver.parse(text.trim().replace(/^v/, ''));
  return parsed ? `v${parsed.version}` : undefined;
}

/** Newest first; entries that are not semver are dropped, as are duplicates. */
export function classifyVersions(list: readonly string[]): ClassifiedVersion[] {
  const seen = new Set<string>();
  const result: ClassifiedVersion[] = [];
  for (const entry of list) {
    const version = normaliseTalosVersion(entry);
    if (!version || seen.has(version)) continue;
    seen.add(version);
    const parsed = semver.parse(version.slice(1));
    if (!parsed) continue;
    result.push({
      version,
      prerelease: parsed.prerelease.length > 0,
      minor: `${parsed.major}.${parsed.minor}`,
    });
  }
  return result.sort((a, b) => semver.rcompare(a.version.slice(1), b.version.slice(1)));
}

/** The newest version without a pre-release part, or undefined when the list has none. */
export function latestStable(list: readonly string[]): string | undefined {
  return classifyVersions(list).find((entry) => !entry.prerelease)?.version;
}
