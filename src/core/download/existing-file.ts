// A file already at the final path is only trusted when it matches, byte for byte by hash, what a
// previous manifest recorded. Anything else is replaced by a fresh download, and the operator is told.
import { CancelledError } from '../errors.js';
import { hashFile } from './hash-file.js';
import type { DownloadEvent, DownloadFileSystem, RecordedArtifact } from './types.js';

export type ExistingFileVerdict =
  | { readonly kind: 'absent' }
  | { readonly kind: 'reusable'; readonly sha256: string; readonly size: number }
  | { readonly kind: 'replace' };

export async function checkExistingFile(
  fileSystem: DownloadFileSystem,
  dest: string,
  previous: RecordedArtifact | undefined,
  emit: (event: DownloadEvent) => void,
  signal?: AbortSignal,
): Promise<ExistingFileVerdict> {
  const size = await fileSystem.sizeOf(dest);
  if (size === undefined) return { kind: 'absent' };
  if (!previous) {
    emit({
      type: 'restart',
      reason: `${dest} exists but no previous manifest records its hash; downloading a fresh copy to replace it`,
    });
    return { kind: 'replace' };
  }
  emit({ type: 'verifying-existing' });
  let mismatch = `its size is ${size} bytes, the manifest recorded ${previous.size}`;
  if (size === previous.size) {
    try {
      const { hash } = await hashFile(fileSystem, dest, signal);
      const sha256 = hash.digest('hex');
      if (sha256 === previous.sha256.toLowerCase()) {
        emit({ type: 'reused' });
        return { kind: 'reusable', sha256, size };
      }
      mismatch = `its SHA-256 is ${sha256}, the manifest recorded ${previous.sha256}`;
    } catch (error) {
      if (signal?.aborted)
        throw new CancelledError('Cancelled while verifying the existing file.', { cause: error });
      throw error;
    }
  }
  emit({
    type: 'restart',
    reason: `${dest} does not match the previous manifest (${mismatch}); downloading a fresh copy to replace it`,
  });
  return { kind: 'replace' };
}
