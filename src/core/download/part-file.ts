// Decisions about the .part file that come before any byte is fetched: is there room for the rest,
// and is it already complete (a previous run got every byte but was stopped before the rename)?
import { dirname } from 'node:path';
import { DiskError } from '../errors.js';
import type { AttemptContext, AttemptResult } from './attempt.js';
import { formatBytes } from './failures.js';
import { hashFile } from './hash-file.js';
import { hostWithPort } from '../http/index.js';
import type { DownloadFileSystem } from './types.js';

/** Fails before the download when the disk visibly cannot hold the rest of the file. */
export async function ensureRoomFor(
  fileSystem: DownloadFileSystem,
  dest: string,
  total: number | undefined,
  alreadyOnDisk: number,
): Promise<void> {
  if (total === undefined) return;
  const needed = total - alreadyOnDisk;
  const free = await fileSystem.freeBytes(dirname(dest));
  if (free === undefined || free >= needed) return;
  throw new DiskError(
    `not enough disk space for ${dest}: it needs ${formatBytes(total)} (${formatBytes(needed)} more), and ${formatBytes(free)} is free.`,
    { hint: 'Free space on that disk or choose another artifacts directory, then run again.' },
  );
}

/** Every byte is already in the .part: hash it from disk, make it durable, and skip the GET. */
export async function finishFromCompletePart(
  context: AttemptContext,
  total: number,
): Promise<AttemptResult> {
  context.emit({ type: 'resume', fromByte: total });
  const { hash, size } = await hashFile(context.fileSystem, context.partPath, context.signal);
  const file = await context.fileSystem.openForWrite(context.partPath, 'append');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
  return { sha256: hash.digest('hex'), size, host: hostWithPort(context.url), resumed: true };
}
