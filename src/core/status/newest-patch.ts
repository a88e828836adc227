// The newest stable patch of a Talos version's minor line: what a release on that line should
// move to. `status` asks it of the factory's list; the wizard marks it in the version list.
import semver from 'semver';
import type { ClassifiedVersion } from '../versions/index.js';

/** Undefined when `version` is not semver or the list has no stable version of its minor. */
export function newestPatchOf(
  versions: readonly ClassifiedVersion[],
  version: string,
): string | undefined {
  const parsed = semver.parse(version.replace(/^v/, ''));
  if (!parsed) return undefined;
  const minor = `${parsed.major}.${parsed.minor}`;
  // classifyVersions lists newest first.
  return versions.find((entry) => !entry.prerelease && entry.minor === minor)?.version;
}
