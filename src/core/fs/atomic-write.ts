// Every file the tool writes goes through here: a temp file beside the target, fsync, rename.
// A crash or Ctrl-C therefore leaves either the old file or the new one, never half of either.
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DiskError } from '../errors.js';

export async function writeFileAtomically(path: string, data: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, data, { encoding: 'utf8', fsync: true });
    await fsyncDirectory(dirname(path));
  } catch (error) {
    throw diskErrorFor(path, error);
  }
}

/** The rename is only durable once the directory entry itself is on disk. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function diskErrorFor(path: string, error: unknown): DiskError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const hint =
    code === 'ENOSPC'
      ? 'The disk is full: free some space and run again.'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `Check that you may write to ${dirname(path)}.`
        : undefined;
  return new DiskError(`could not write ${path}: ${(error as Error).message}`, {
    hint,
    cause: error,
  });
}
