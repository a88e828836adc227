// Streams a bundle into a tar file: each entry is piped from disk (or a small buffer) straight
// into the archive, so memory stays flat whatever the images weigh. The tar is written to a temp
// name and renamed, so a reader never finds half a bundle.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { CancelledError } from '../errors.js';
import { diskErrorFor } from '../fs/index.js';
import { BUNDLE_READ_CHUNK_BYTES } from './tar-read.js';

export type TarEntry =
  | { readonly name: string; readonly bytes: Buffer }
  | { readonly name: string; readonly path: string; readonly size: number };

export async function writeTar(
  out: string,
  entries: readonly TarEntry[],
  options: { readonly signal?: AbortSignal | undefined; readonly mtime: Date },
): Promise<number> {
  const temp = `${out}.${process.pid}.talos-release.tmp`;
  const archive = pack();
  const output = createWriteStream(temp);
  const feed = (async () => {
    for (const entry of entries) {
      options.signal?.throwIfAborted();
      if ('bytes' in entry) {
        await new Promise<void>((resolve, reject) =>
          archive.entry(
            { name: entry.name, mtime: options.mtime, mode: 0o644 },
            entry.bytes,
            (error) => (error ? reject(error) : resolve()),
          ),
        );
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const sink = archive.entry(
          { name: entry.name, size: entry.size, mtime: options.mtime, mode: 0o644 },
          (error) => (error ? reject(error) : resolve()),
        );
        pipeline(
          createReadStream(entry.path, { highWaterMark: BUNDLE_READ_CHUNK_BYTES }),
          sink,
        ).catch(reject);
      });
    }
    archive.finalize();
  })();
  try {
    await Promise.all([feed, pipeline(archive, output, { signal: options.signal })]);
    await rename(temp, out);
  } catch (error) {
    archive.destroy();
    await rm(temp, { force: true });
    if (options.signal?.aborted) throw new CancelledError();
    throw error instanceof Error && 'code' in error ? diskErrorFor(out, error) : error;
  }
  return (await stat(out)).size;
}
