// Reads a bundle tar front to back, handing each regular file's bytes to `onFile` as they stream
// past. Every entry name is checked before its bytes are touched (a name that climbs out of the
// bundle is exit 2), and a tar that stops short, inside an entry or between two, is exit 5.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import { CancelledError, IntegrityError, UserInputError } from '../errors.js';
import { FILE_READ_CHUNK_BYTES } from '../fs/index.js';
import { isSafeBundlePath } from './layout-names.js';
import { requireEndOfArchive } from './tar-end.js';

/** Large reads: images dominate a bundle (see FILE_READ_CHUNK_BYTES). */
export const BUNDLE_READ_CHUNK_BYTES = FILE_READ_CHUNK_BYTES;

export async function readTarFiles(
  path: string,
  onFile: (name: string, stream: Readable) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    // A tar cut short fails the entry stream as well as the reader: the reader's error (through
    // the pipeline below) is the one reported, so the entry's copy must not go unhandled.
    stream.on('error', (error: Error) => reader.destroy(error));
    const name = header.name.replace(/^\.\//, '');
    if (!isSafeBundlePath(name)) {
      reader.destroy(
        new UserInputError(
          `${path} holds an entry named "${header.name}", which climbs out of the bundle`,
          {
            hint: 'Do not load this bundle: it was not written by talos-release, or it was tampered with.',
          },
        ),
      );
      return;
    }
    if (header.type !== 'file') {
      stream.resume();
      stream.on('end', next);
      return;
    }
    // tar-stream's entries are streamx readables, which Node's stream helpers accept as they are.
    onFile(name, stream as unknown as Readable).then(
      () => next(),
      (error: unknown) => reader.destroy(error as Error),
    );
  });
  try {
    await pipeline(createReadStream(path, { highWaterMark: BUNDLE_READ_CHUNK_BYTES }), reader, {
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new CancelledError('cancelled', { cause: error });
    if (error instanceof UserInputError) throw error;
    throw new IntegrityError(`${path} is not a complete tar: ${(error as Error).message}`, {
      hint: 'The bundle was cut short in transit; copy it again and compare its size with the original.',
    });
  }
  // Checked after the entries, so a climbing entry or a cut inside one is what gets reported.
  await requireEndOfArchive(path);
}
