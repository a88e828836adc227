// What one attempt can fail with, and how the retry loop tells a transient failure (retry it) from
// a final one (report it). Final failures are ReleaseErrors already; transient ones are these.
import { DiskError } from '../errors.js';

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

const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EFBIG']);

export function isDiskFailure(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && DISK_CODES.has(code);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function diskError(error: NodeJS.ErrnoException, path: string, needed?: number): DiskError {
  const need = needed === undefined ? '' : ` (the file needs ${formatBytes(needed)})`;
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT' || error.code === 'EFBIG') {
    return new DiskError(`Not enough disk space to write ${path}${need}.`, {
      cause: error,
      hint: `Free at least ${needed === undefined ? 'the size of the file' : formatBytes(needed)} on that disk or choose another artifacts directory, then run again; the partial download is kept and resumes.`,
    });
  }
  return new DiskError(`No permission to write ${path} (${error.code ?? 'denied'})${need}.`, {
    cause: error,
    hint: 'Check the owner and permissions of the artifacts directory, or choose another one.',
  });
}

/** Node and got spell a dropped connection several ways; all of them are worth a retry. */
export function describeNetworkFailure(error: unknown): string {
  const err = error as NodeJS.ErrnoException | undefined;
  const code = err?.code ? `${err.code}: ` : '';
  return `${code}${err?.message ?? String(error)}`;
}
