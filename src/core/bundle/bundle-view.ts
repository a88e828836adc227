// A bundle as the checks see it, whether it is a directory or a tar: which files it has, the
// SHA-256 of any of them, and the bytes of the small ones. A tar is read once, front to back,
// hashing every entry as it streams past, so checking a tar costs one read like sha256sum -c.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import { CancelledError, IntegrityError, UserInputError } from '../errors.js';
import { isSafeBundlePath } from './layout-names.js';
import { requireEndOfArchive } from './tar-end.js';
import { listFiles } from './list-files.js';

export interface BundleView {
  /** For messages: the directory or tar path. */
  readonly description: string;
  readonly names: ReadonlySet<string>;
  /** Hex SHA-256 and size, or undefined when the bundle has no such file. */
  hash(name: string, signal?: AbortSignal): Promise<{ sha256: string; size: number } | undefined>;
  /** The bytes of a small file (manifests, sums, index.json); undefined when absent. */
  read(name: string): Promise<Buffer | undefined>;
}

/** Files at most this big are kept in memory while a tar streams past. */
const SMALL_FILE_BYTES = 4 * 1024 * 1024;

export async function directoryView(dir: string): Promise<BundleView> {
  const files = await listFiles(dir);
  const names = new Set(files.map((file) => file.name));
  return {
    description: dir,
    names,
    async hash(name, signal) {
      if (!names.has(name)) return undefined;
      const hash = createHash('sha256');
      let size = 0;
      await pipeline(
        createReadStream(join(dir, name)),
        async (chunks: AsyncIterable<Buffer>) => {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
          }
        },
        { signal },
      );
      return { sha256: hash.digest('hex'), size };
    },
    read: async (name) => (names.has(name) ? readFile(join(dir, name)) : undefined),
  };
}

export async function tarView(path: string, signal?: AbortSignal): Promise<BundleView> {
  const hashes = new Map<string, { sha256: string; size: number }>();
  const small = new Map<string, Buffer>();
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
    const hash = createHash('sha256');
    const parts: Buffer[] = [];
    let size = 0;
    stream.on('data', (data: unknown) => {
      const chunk = data as Buffer;
      hash.update(chunk);
      size += chunk.length;
      if (size <= SMALL_FILE_BYTES) parts.push(chunk);
    });
    stream.on('end', () => {
      hashes.set(name, { sha256: hash.digest('hex'), size });
      if (size <= SMALL_FILE_BYTES) small.set(name, Buffer.concat(parts));
      next();
    });
  });
  try {
    await pipeline(createReadStream(path), reader, { signal });
  } catch (error) {
    if (signal?.aborted) throw new CancelledError('cancelled', { cause: error });
    if (error instanceof UserInputError) throw error;
    throw new IntegrityError(`${path} is not a complete tar: ${(error as Error).message}`, {
      hint: 'The bundle was cut short in transit; copy it again and compare its size with the original.',
    });
  }
  // Checked after the entries, so a climbing entry or a cut inside one is what gets reported.
  await requireEndOfArchive(path);
  return {
    description: path,
    names: new Set(hashes.keys()),
    hash: async (name) => hashes.get(name),
    read: async (name) => small.get(name),
  };
}
