// Whether going from one Talos version to another jumps over a minor line.
//
// Why it matters: the Talos upgrade guide ("Supported upgrade paths",
// https://docs.siderolabs.com/talos/latest/configure-your-talos-cluster/lifecycle-management/upgrading-talos)
// says the machine configuration migration is only tested from one minor release to the next,
// and recommends passing through the newest patch of every minor line in between. So a release
// that moves nodes from 1.11 to 1.13 must tell operators to stop at 1.12 first.
import semver from 'semver';

/** The minor lines strictly between `from` and `to` (e.g. ['1.12']); empty when none or not semver. */
export function skippedMinors(from: string, to: string): string[] {
  const a = semver.parse(from.replace(/^v/, ''));
  const b = semver.parse(to.replace(/^v/, ''));
  if (!a || !b || a.major !== b.major || b.minor - a.minor < 2) return [];
  const lines: string[] = [];
  for (let minor = a.minor + 1; minor < b.minor; minor += 1) lines.push(`${a.major}.${minor}`);
  return lines;
}
