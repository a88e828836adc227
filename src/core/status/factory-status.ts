// What the factory offers now that the channel's current release does not have: a newer patch of
// its Talos minor (due), a newer minor (news only: moving minor is the operator's call), and
// extensions whose tag or build changed for the Talos version a new release would use (due).
import semver from 'semver';
import type { FactoryClient } from '../factory/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { classifyVersions } from '../versions/index.js';
import { tagOf } from '../diff/index.js';
import { newestPatchOf } from './newest-patch.js';
import type { StatusFinding } from './types.js';

export async function factoryFindings(
  manifest: ReleaseManifest,
  factory: FactoryClient,
): Promise<StatusFinding[]> {
  const current = manifest.talos.version;
  const versions = classifyVersions(await factory.listVersions());
  const findings: StatusFinding[] = [];
  const newestPatch = newestPatchOf(versions, current);
  const target =
    newestPatch && semver.gt(newestPatch.slice(1), current.slice(1)) ? newestPatch : current;
  if (target !== current) {
    findings.push({
      kind: 'talos-patch',
      due: true,
      subject: target,
      from: current,
      to: target,
      message: `Talos ${target} is out (release ${manifest.releaseVersion} has ${current})`,
    });
  }
  const newest = versions.find((entry) => !entry.prerelease);
  // Newer than the newest patch of the release's minor, so necessarily another minor line.
  if (newest && semver.gt(newest.version.slice(1), target.slice(1))) {
    findings.push({
      kind: 'talos-minor',
      due: false,
      subject: newest.version,
      from: current,
      to: newest.version,
      message: `Talos ${newest.version} is out, a newer minor (not due by itself: choose it with --talos-version ${newest.minor})`,
    });
  }
  findings.push(...(await extensionFindings(manifest, factory, target)));
  return findings;
}

async function extensionFindings(
  manifest: ReleaseManifest,
  factory: FactoryClient,
  version: string,
): Promise<StatusFinding[]> {
  const catalogue = new Map((await factory.listExtensions(version)).map((e) => [e.name, e]));
  const findings: StatusFinding[] = [];
  for (const recorded of manifest.talos.extensions) {
    const offered = catalogue.get(recorded.name);
    if (!offered || (offered.ref === recorded.ref && offered.digest === recorded.digest)) continue;
    const [from, to] = [tagOf(recorded.ref), tagOf(offered.ref)];
    const what = from === to ? `${from} was rebuilt (${offered.digest})` : `${from} → ${to}`;
    findings.push({
      kind: 'extension',
      due: true,
      subject: recorded.name,
      from: `${recorded.ref}@${recorded.digest}`,
      to: `${offered.ref}@${offered.digest}`,
      message: `extension ${recorded.name} ${what} for Talos ${version}`,
    });
  }
  return findings;
}
