// Turns what the operator typed (`latest`, `1.12`, `v1.12.4`, `pre`) into one listed version.
import semver from 'semver';
import { UserInputError } from '../errors.js';
import { classifyVersions, normaliseTalosVersion } from './classify.js';
import type { ClassifiedVersion } from './classify.js';

const SELECTOR_HELP =
  'Use an exact version (v1.12.4), a minor line (1.12), latest (newest stable) or pre (newest pre-release).';

/** Up to `count` listed versions nearest to `wanted`: same minor line first, then neighbours. */
export function closestVersions(
  wanted: string,
  versions: readonly ClassifiedVersion[],
  count = 3,
): string[] {
  const target = semver.coerce(wanted);
  if (!target) return versions.slice(0, count).map((entry) => entry.version);
  const distance = (entry: ClassifiedVersion): number => {
    const parsed = semver.parse(entry.version.slice(1));
    if (!parsed) return Number.MAX_SAFE_INTEGER;
    const lines =
      Math.abs(parsed.major - target.major) * 100 + Math.abs(parsed.minor - target.minor);
    return lines * 1000 + Math.abs(parsed.patch - target.patch);
  };
  return [...versions]
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, count)
    .map((entry) => entry.version);
}

function notFound(
  selector: string,
  detail: string,
  suggestions: readonly string[],
): UserInputError {
  const hint =
    suggestions.length > 0
      ? `Closest listed versions: ${suggestions.join(', ')}. ${SELECTOR_HELP}`
      : SELECTOR_HELP;
  return new UserInputError(`Talos version "${selector}" ${detail}`, { hint });
}

/**
 * Resolves a selector against the factory's /versions list; the answer is `v`-prefixed.
 * `broken` (from /versions?broken=true) only sharpens the message for a withdrawn version.
 */
export function resolveVersionSelector(
  selector: string,
  list: readonly string[],
  broken: readonly string[] = [],
): string {
  const versions = classifyVersions(list);
  const wanted = selector.trim();
  const lower = wanted.toLowerCase();
  if (lower === 'latest') {
    const found = versions.find((entry) => !entry.prerelease);
    if (found) return found.version;
    throw notFound(wanted, 'matches nothing: the factory lists no stable version', []);
  }
  if (lower === 'pre') {
    const found = versions.find((entry) => entry.prerelease);
    if (found) return found.version;
    throw notFound(
      wanted,
      'matches nothing: the factory lists no pre-release right now',
      versions.slice(0, 3).map((entry) => entry.version),
    );
  }
  const minorLine = /^v?(\d+)\.(\d+)$/.exec(wanted);
  if (minorLine) {
    const minor = `${Number(minorLine[1])}.${Number(minorLine[2])}`;
    const found = versions.find((entry) => entry.minor === minor && !entry.prerelease);
    if (found) return found.version;
    const preOnly = versions.filter((entry) => entry.minor === minor);
    throw notFound(
      wanted,
      preOnly.length > 0
        ? `has no stable release yet, only pre-releases`
        : 'is not a minor line the factory lists',
      preOnly.length > 0
        ? preOnly.map((entry) => entry.version)
        : closestVersions(`${minor}.0`, versions),
    );
  }
  const exact = normaliseTalosVersion(wanted);
  if (!exact) {
    throw new UserInputError(`"${selector}" is not a Talos version selector`, {
      hint: SELECTOR_HELP,
    });
  }
  if (versions.some((entry) => entry.version === exact)) return exact;
  if (broken.some((entry) => normaliseTalosVersion(entry) === exact)) {
    throw notFound(
      wanted,
      'is marked broken by the factory and not offered',
      closestVersions(exact, versions),
    );
  }
  throw notFound(wanted, 'is not offered by the factory', closestVersions(exact, versions));
}
