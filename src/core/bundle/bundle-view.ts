// A bundle as the checks see it, whether it is a directory or a tar: which files it has, the
// SHA-256 of any of them, and the bytes of the small ones. A tar is read once, front to back,
// hashing every entry as it streams past, so checking a tar costs one read like sha256sum -c.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BUNDLE_READ_CHUNK_BYTES, readTarFiles } from './tar-read.js';
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
        createReadStream(join(dir, name), { highWaterMark: BUNDLE_READ_CHUNK_BYTES }),
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
  await readTarFiles(
    path,
    async (name, stream) => {
      const hash = createHash('sha256');
      const parts: Buffer[] = [];
      let size = 0;
      for await (const data of stream) {
        const chunk = data as Buffer;
        hash.update(chunk);
        size += chunk.length;
        if (size <= SMALL_FILE_BYTES) parts.push(chunk);
      }
      hashes.set(name, { sha256: hash.digest('hex'), size });
      if (size <= SMALL_FILE_BYTES) small.set(name, Buffer.concat(parts));
    },
    signal,
  );
  return {
    description: path,
    names: new Set(hashes.keys()),
    hash: async (name) => hashes.get(name),
    read: async (name) => small.get(name),
  };
}
