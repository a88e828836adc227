// The channel file is what rollouts follow: if it lists this release, its entry must name the
// same manifest, Talos version and schematic ID as the manifest itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, ReleaseError } from '../errors.js';
import { parseChannelFile } from '../manifest/index.js';
import type { ChannelEntry, ReleaseManifest } from '../manifest/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { isUnderRoot } from './paths.js';

export async function checkChannelEntry(
  manifest: ReleaseManifest,
  root: string,
  manifestRelative: string,
): Promise<CheckResult> {
  const channelRelative = `releases/channels/${manifest.channel}.json`;
  const title = `${channelRelative} agrees with the manifest`;
  let text: string;
  try {
    text = await readFile(join(root, channelRelative), 'utf8');
  } catch {
    return skipped('channel', title, `there is no ${channelRelative}`);
  }
  let entries: ChannelEntry[];
  try {
    const channel = parseChannelFile(text, channelRelative);
    entries = [channel.current, ...channel.history];
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return failed('channel', title, {
      detail: error.message,
      fix: error.hint,
      exitCode: ExitCode.integrity,
    });
  }
  const entry = entries.find((candidate) => candidate.releaseVersion === manifest.releaseVersion);
  if (!entry)
    return skipped('channel', title, `the channel does not list ${manifest.releaseVersion}`);
  // A manifest verified from outside the repository (a copy, an archive) has no path to compare.
  const inside = isUnderRoot(manifestRelative);
  const describe = (path: string, talos: string, id: string): string =>
    `${inside ? `${path}, ` : ''}Talos ${talos}, schematic ${id}`;
  const recorded = describe(entry.manifest, entry.talosVersion, entry.schematicId);
  const expected = describe(manifestRelative, manifest.talos.version, manifest.talos.schematicId);
  if (recorded === expected) return passed('channel', title, recorded);
  return failed('channel', title, {
    detail: `the channel's entry for ${manifest.releaseVersion} names another release`,
    expected: `${expected} (the manifest)`,
    actual: `${recorded} (the channel)`,
    fix: `Restore ${channelRelative} and the manifest from version control so they agree.`,
    exitCode: ExitCode.integrity,
  });
}
