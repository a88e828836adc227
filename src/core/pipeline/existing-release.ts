// Is a release version taken? A manifest only counts once a channel lists it: the channel file
// is the commit point, so a manifest no channel names is what an interrupted run left behind,
// and the next run may complete that release instead of refusing it.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseChannelFile, parseManifest } from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { RELEASES_DIR } from './answers.js';
import type { ReleasePaths } from './plan.js';
import { exists } from '../fs/index.js';

/** `none`: no manifest; `listed`: a channel names it; `unlisted`: left by an unfinished run. */
export type ReleaseState = 'none' | 'listed' | 'unlisted';

export async function releaseState(
  root: string,
  paths: Pick<ReleasePaths, 'manifest' | 'manifestRelative'>,
): Promise<ReleaseState> {
  if (!(await exists(paths.manifest))) return 'none';
  return (await channelsList(root, paths.manifestRelative)) ? 'listed' : 'unlisted';
}

export function unlistedNote(manifestRelative: string): string {
  return (
    `${manifestRelative} exists but no channel lists it (an earlier run stopped before its ` +
    'channel was written): this run replaces it'
  );
}

/** Does any channel name the manifest, as current or in its history? */
async function channelsList(root: string, manifestRelative: string): Promise<boolean> {
  const dir = join(root, RELEASES_DIR, 'channels');
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const path = join(dir, name);
    try {
      const channel = parseChannelFile(await readFile(path, 'utf8'), path);
      const entries = [channel.current, ...channel.history];
      if (entries.some((entry) => entry.manifest === manifestRelative)) return true;
    } catch {
      // A channel that cannot be read might list it: never treat a release as free on a guess.
      return true;
    }
  }
  return false;
}

/** The manifest already at the plan's path, if any: it records an ISO that may be reused. */
export async function readExistingManifest(
  paths: Pick<ReleasePaths, 'manifest'>,
): Promise<ReleaseManifest | undefined> {
  try {
    return parseManifest(await readFile(paths.manifest, 'utf8'), paths.manifest);
  } catch {
    return undefined;
  }
}
