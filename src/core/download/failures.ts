// What one attempt can fail with, and how the retry loop tells a transient failure (retry it) from
// a final one (report it). Final failures are ReleaseErrors already; transient ones are these.
import { DiskError, errnoCode } from '../errors.js';
import { formatBytes } from '../format/index.js';

export type TransientKind = 'network' | 'integrity';

/** A failure worth another attempt: a reset, a stall, a 5xx, a body of the wrong length. */
export class TransientFailure extends Error {
  constructor(
    readonly kind: TransientKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransientFailure';
  }
}

// ENOTDIR and EEXIST: a file stands where a directory of the path should be (mkdir and open
// report it either way); the operator fixes that on disk, like a permission.
// ELOOP: a symbolic link where the .part goes (opened without following); EISDIR: a directory.
const DISK_CODES = new Set([
  'ELOOP',
  'EISDIR',
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EFBIG',
  'ENOTDIR',
  'EEXIST',
]);

export function isDiskFailure(error: unknown): error is NodeJS.ErrnoException {
  const code = errnoCode(error);
  return code !== undefined && DISK_CODES.has(code);
}

// Sizes are worded the same way everywhere (wizard, plain lines, errors).
export { formatBytes };

export function diskError(error: NodeJS.ErrnoException, path: string, needed?: number): DiskError {
  const need = needed === undefined ? '' : ` (the file needs ${formatBytes(needed)})`;
  if (error.code === 'EFBIG') {
    return new DiskError(
      `cannot write ${path}: it would exceed the file-size limit of this process or file system${need}`,
      {
        cause: error,
        hint: 'Raise the limit (ulimit -f) or choose an artifacts directory on a file system that takes files this large (FAT32 stops at 4 GiB); the partial download is kept and resumes.',
      },
    );
  }
  if (error.code === 'ELOOP' || error.code === 'EISDIR') {
    return new DiskError(`cannot write ${path}: it is not a regular file (${error.code})`, {
      cause: error,
      hint: 'Remove the link or directory at that path (whatever a link points to is left alone), then run again.',
    });
  }
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT') {
    return new DiskError(`not enough disk space to write ${path}${need}`, {
      cause: error,
      hint: `Free at least ${needed === undefined ? 'the size of the file' : formatBytes(needed)} on that disk or choose another artifacts directory, then run again; the partial download is kept and resumes.`,
    });
  }
  if (error.code === 'ENOTDIR' || error.code === 'EEXIST') {
    return new DiskError(`cannot create ${path}: a file is in the way (${error.code})`, {
      cause: error,
      hint: 'Move that file aside, or choose another directory with --artifacts-dir.',
    });
  }
  return new DiskError(`no permission to write ${path} (${error.code ?? 'denied'})${need}.`, {
    cause: error,
    hint: 'Check the owner and permissions of the artifacts directory, or choose another one.',
  });
}
