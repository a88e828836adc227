// A file already at the final path is only trusted when it is provably what this download would
// fetch: recorded from the same URL, at the size the factory announces now, and matching the
// recorded hash byte for byte. Anything else is replaced by a fresh download, and the operator is
// told why.
import { CancelledError } from '../errors.js';
import { hashFile } from './hash-file.js';
import type { DownloadEvent, DownloadFileSystem, RecordedArtifact } from './types.js';

export type ExistingFileVerdict =
  | { readonly kind: 'absent' }
  | { readonly kind: 'reusable'; readonly sha256: string; readonly size: number }
  | { readonly kind: 'replace' };

export interface ExistingFileQuestion {
  readonly dest: string;
  readonly url: string;
  readonly previous: RecordedArtifact | undefined;
  /** The HEAD's Content-Length now; undefined when the factory did not say. */
  readonly announcedTotal: number | undefined;
}

/** Why the record cannot stand for what `url` serves now, or undefined when it can. */
function sourceMismatch(
  question: ExistingFileQuestion,
  previous: RecordedArtifact,
): string | undefined {
  if (previous.url === undefined) return 'the record does not say where it was downloaded from';
  if (previous.url !== question.url)
    return `it was downloaded from ${previous.url}, this release uses ${question.url}`;
  if (question.announcedTotal === undefined)
    return 'the factory did not announce the size it serves now';
  if (question.announcedTotal !== previous.size)
    return `the factory announces ${question.announcedTotal} bytes now, the record says ${previous.size}`;
  return undefined;
}

export async function checkExistingFile(
  fileSystem: DownloadFileSystem,
  question: ExistingFileQuestion,
  emit: (event: DownloadEvent) => void,
  signal?: AbortSignal,
): Promise<ExistingFileVerdict> {
  const { dest, previous } = question;
  const size = await fileSystem.sizeOf(dest);
  if (size === undefined) return { kind: 'absent' };
  if (!previous) {
    emit({
      type: 'restart',
      reason: `${dest} exists but no previous manifest records its hash; downloading a fresh copy to replace it`,
    });
    return { kind: 'replace' };
  }
  const elsewhere = sourceMismatch(question, previous);
  if (elsewhere !== undefined) {
    emit({
      type: 'restart',
      reason: `${dest} cannot be reused (${elsewhere}); downloading a fresh copy to replace it`,
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
        throw new CancelledError('cancelled while verifying the existing file', { cause: error });
      throw error;
    }
  }
  emit({
    type: 'restart',
    reason: `${dest} does not match the previous manifest (${mismatch}); downloading a fresh copy to replace it`,
  });
  return { kind: 'replace' };
}
