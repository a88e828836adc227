// Turns what the operator typed (`latest`, `1.12`, `v1.12.4`, `pre`) into one listed version.
import semver from 'semver';
import { UserInputError } from '../errors.js';
import { classifyVersions, normaliseTalosVersion } from './classify.js';
import type { ClassifiedVersion } from './classify.js';

const SELECTOR_HELP =
  'Use an exact version (v1.12.4), a minor line (1.12), latest (newest stable) or pre (newest pre-release).';

/**
 * Up to `count` listed versions nearest to `wanted` (`versions` newest first): the same minor
 * line first, closest patch first; then the versions next to where `wanted` would sit in the
 * list, so a version beyond everything listed gets the newest ones, not the oldest.
 */
export function closestVersions(
  wanted: string,
  versions: readonly ClassifiedVersion[],
  count = 3,
): string[] {
  const target = semver.parse(wanted.trim().replace(/^v/, '')) ?? semver.coerce(wanted);
  if (!target) return versions.slice(0, count).map((entry) => entry.version);
  const parsed = versions.map((entry) => ({ entry, semver: semver.parse(entry.version.slice(1)) }));
  const sameMinor = parsed
    .filter((item) => item.semver?.major === target.major && item.semver.minor === target.minor)
    .sort(
      (a, b) =>
        Math.abs((a.semver?.patch ?? 0) - target.patch) -
        Math.abs((b.semver?.patch ?? 0) - target.patch),
    )
    .map((item) => item.entry);
  const olderAt = parsed.findIndex(
    (item) => item.semver !== null && semver.lt(item.semver, target),
  );
  const insertAt = olderAt === -1 ? parsed.length : olderAt;
  const stepsAway = (index: number): number =>
    index < insertAt ? insertAt - 1 - index : index - insertAt;
  const neighbours = versions
    .map((entry, index) => ({ entry, steps: stepsAway(index), index }))
    .sort((a, b) => a.steps - b.steps || a.index - b.index)
    .map((item) => item.entry);
  const unique = [...new Set([...sameMinor, ...neighbours])];
  return unique.slice(0, count).map((entry) => entry.version);
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
