// Several downloads share one disk: each alone may fit while all of them do not. The sum of what
// is still to fetch (less each .part already there, nothing for a file already complete) is
// held to the free space once, before the first stream starts.
import { dirname } from 'node:path';
import { formatBytes, nodeFileSystem, partPathFor } from '../download/index.js';
import type { DownloadFileSystem } from '../download/index.js';
import { DiskError } from '../errors.js';
import type { PlannedTarget } from './targets-plan.js';

/** Bytes still to fetch for every target whose size is known. */
export async function bytesStillNeeded(
  targets: readonly PlannedTarget[],
  sizes: ReadonlyMap<string, number | undefined>,
  fileSystem: DownloadFileSystem = nodeFileSystem,
): Promise<number> {
  let needed = 0;
  for (const target of targets) {
    const size = sizes.get(target.name);
    if (size === undefined) continue;
    if ((await fileSystem.sizeOf(target.localPath).catch(() => undefined)) === size) continue;
    const partial = (await fileSystem.sizeOf(partPathFor(target.localPath)).catch(() => 0)) ?? 0;
    needed += partial < size ? size - partial : size;
  }
  return needed;
}

export async function assertRoomForTargets(
  targets: readonly PlannedTarget[],
  sizes: ReadonlyMap<string, number | undefined>,
  fileSystem: DownloadFileSystem = nodeFileSystem,
): Promise<void> {
  const first = targets[0];
  if (!first) return;
  const needed = await bytesStillNeeded(targets, sizes, fileSystem);
  await fileSystem.makeDirectory(dirname(first.localPath));
  const free = await fileSystem.freeBytes(dirname(first.localPath));
  if (free === undefined || free >= needed) return;
  throw new DiskError(
    `not enough disk space for ${targets.length} targets in ${dirname(first.localPath)}: they need ${formatBytes(needed)} more, and ${formatBytes(free)} is free.`,
    { hint: 'Free space on that disk, choose another --artifacts-dir, or release fewer targets.' },
  );
}
