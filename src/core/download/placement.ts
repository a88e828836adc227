// Before any byte is fetched: the paths the download writes must be plain files or nothing. A
// symbolic link as the .part could send the bytes anywhere (or nowhere, if it dangles), and a
// directory where the ISO goes would fail the final rename after the whole download.
import { DiskError } from '../errors.js';
import type { DownloadFileSystem } from './types.js';

const LINK_HINT =
  'Remove the link (the file it points to is left alone), or choose another directory with --artifacts-dir, then run again.';

export async function assertPlaceable(
  fileSystem: DownloadFileSystem,
  dest: string,
  partPath: string,
): Promise<void> {
  const destKind = await fileSystem.kindOf(dest);
  if (destKind === 'directory' || destKind === 'other') {
    throw new DiskError(`cannot put the download at ${dest}: a ${describe(destKind)} is there`, {
      hint: 'Move it aside, or choose another directory with --artifacts-dir, then run again.',
    });
  }
  const partKind = await fileSystem.kindOf(partPath);
  if (partKind === 'symlink') {
    const dangling = (await fileSystem.sizeOf(partPath).catch(() => undefined)) === undefined;
    throw new DiskError(
      `${partPath} is a symbolic link${dangling ? ' to nothing' : ''}; the download is never written through a link.`,
      { hint: LINK_HINT },
    );
  }
  if (partKind === 'directory' || partKind === 'other') {
    throw new DiskError(
      `cannot keep the partial download at ${partPath}: a ${describe(partKind)} is there`,
      {
        hint: 'Move it aside, or choose another directory with --artifacts-dir, then run again.',
      },
    );
  }
}

function describe(kind: 'directory' | 'other'): string {
  return kind === 'directory' ? 'directory' : 'special file (not a regular file)';
}
