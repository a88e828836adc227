// Uploads the release's files as blobs, a few at a time, each streamed from disk from whatever
// offset the registry already holds. A blob already in the repository is skipped by HEAD, which
// is what makes publishing the same release again take a second.
import { createReadStream } from 'node:fs';
import type { CopyEvent, Descriptor, OciDestination, OpenBlob } from '../oci/index.js';
import type { PublishEventSink } from './events.js';
import { FILE_READ_CHUNK_BYTES } from '../fs/index.js';

export interface FileBlob {
  readonly descriptor: Descriptor;
  readonly label: string;
  readonly open: OpenBlob;
}

export function fileBlob(descriptor: Descriptor, label: string, path: string): FileBlob {
  return {
    descriptor,
    label,
    open: async (offset) =>
      createReadStream(path, { start: offset, highWaterMark: FILE_READ_CHUNK_BYTES }),
  };
}

export async function pushBlobs(
  destination: OciDestination,
  repository: string,
  blobs: readonly FileBlob[],
  options: {
    readonly concurrency: number;
    readonly onEvent: PublishEventSink;
    readonly signal?: AbortSignal | undefined;
  },
): Promise<void> {
  const queue = [...blobs];
  const emit = (label: string, event: CopyEvent): void =>
    options.onEvent({ type: 'copy', repository, label, event });
  const worker = async (): Promise<void> => {
    for (let blob = queue.shift(); blob; blob = queue.shift()) {
      if (options.signal?.aborted) return;
      const { descriptor, label } = blob;
      emit(label, { type: 'blob-start', descriptor, repository });
      if (await destination.hasBlob(repository, descriptor, options.signal)) {
        emit(label, { type: 'blob-done', digest: descriptor.digest, how: 'skipped' });
        continue;
      }
      await destination.putBlob(
        repository,
        descriptor,
        blob.open,
        (sentBytes) =>
          emit(label, {
            type: 'blob-progress',
            digest: descriptor.digest,
            sentBytes,
            totalBytes: descriptor.size,
          }),
        options.signal,
      );
      emit(label, { type: 'blob-done', digest: descriptor.digest, how: 'uploaded' });
    }
  };
  const count = Math.max(1, Math.min(options.concurrency, blobs.length));
  // Every worker finishes its blob before the first failure is reported, so nothing is left
  // writing after the command has said it stopped.
  const settled = await Promise.allSettled(Array.from({ length: count }, worker));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
