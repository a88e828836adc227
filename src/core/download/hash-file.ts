// Re-hashes bytes already on disk (a .part to resume, or a file a previous run finished), streaming
// so memory stays flat whatever the size.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { DownloadFileSystem } from './types.js';

export interface HashedFile {
  /** Still open for updates, so a resumed download can keep feeding it. */
  readonly hash: Hash;
  readonly size: number;
}

export async function hashFile(
  fileSystem: DownloadFileSystem,
  path: string,
  signal?: AbortSignal,
): Promise<HashedFile> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    fileSystem.openForRead(path),
    async function (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
      }
    },
    signal ? { signal } : {},
  );
  return { hash, size };
}
