// An OCI image layout as an OciDestination, for bundles: each blob and manifest lands in
// blobs/sha256/<hex> through a temp file that is checked against its digest before it is renamed
// into place, so a blob file there is always whole. Tags collect in memory and reach index.json
// in one atomic write at finish() (docs/distribution-protocol.md §4).
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { errnoCode, IntegrityError } from '../errors.js';
import { diskErrorFor, fsyncDirectory } from '../fs/index.js';
import { createDigestCheck, SHA256_DIGEST, sha256Digest } from './digest-check.js';
import {
  layoutBlobPath,
  layoutRefName,
  readLayoutIndex,
  REF_NAME_ANNOTATION,
  refNameOf,
  writeLayoutIndex,
} from './layout.js';
import type { Descriptor, OciDestination } from './types.js';

export interface OciLayoutDestination extends OciDestination {
  readonly dir: string;
  /** Writes index.json (and oci-layout) with every tag recorded, keeping entries already there. */
  finish(): Promise<void>;
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${randomBytes(6).toString('hex')}.talos-release.tmp`);
}

/** Moves a fully written, fsync'd temp file into place; the temp is removed on any failure. */
async function commit(temp: string, path: string): Promise<void> {
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw diskErrorFor(path, error);
  }
}

export function ociLayoutDestination(dir: string): OciLayoutDestination {
  const tags = new Map<string, Descriptor>();
  const description = `OCI layout ${dir}`;
  let blobDirReady: Promise<void> | undefined;
  const ensureBlobDir = (): Promise<void> => {
    blobDirReady ??= mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
      .then(() => undefined)
      .catch((error: unknown) => {
        blobDirReady = undefined;
        throw diskErrorFor(join(dir, 'blobs', 'sha256'), error);
      });
    return blobDirReady;
  };

  const has = async (descriptor: Pick<Descriptor, 'digest' | 'size'>): Promise<boolean> =>
    (await sizeOf(layoutBlobPath(dir, descriptor.digest))) === descriptor.size;

  const writeBytes = async (digest: string, bytes: Buffer): Promise<void> => {
    const path = layoutBlobPath(dir, digest);
    if ((await sizeOf(path)) === bytes.length) return;
    await ensureBlobDir();
    const temp = tempBeside(path);
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(temp, { force: true });
      throw diskErrorFor(path, error);
    }
    await commit(temp, path);
  };

  return {
    dir,
    description,
    hasBlob: (_repository, descriptor) => has(descriptor),
    async putBlob(_repository, descriptor, openBlob, onProgress, signal) {
      const path = layoutBlobPath(dir, descriptor.digest);
      await ensureBlobDir();
      const temp = tempBeside(path);
      // Always from byte 0: a temp file of an interrupted run is not trusted, and reading a local
      // or factory source again is cheaper than proving a partial file right.
      const source = await openBlob(0, signal);
      const check = createDigestCheck({ descriptor, source: description, onBytes: onProgress });
      try {
        await pipeline(source, check, createWriteStream(temp), { signal });
        const handle = await open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        await rm(temp, { force: true });
        if (errnoCode(error) !== undefined && !signal?.aborted) throw diskErrorFor(path, error);
        throw error;
      }
      await commit(temp, path);
    },
    async manifestDigest(repository, reference) {
      if (SHA256_DIGEST.test(reference)) {
        const size = await sizeOf(layoutBlobPath(dir, reference));
        return size === undefined ? undefined : reference;
      }
      const name = layoutRefName(repository, reference);
      const pending = tags.get(name);
      if (pending) return pending.digest;
      const index = await readLayoutIndex(dir);
      return index?.manifests.find((d) => refNameOf(d) === name)?.digest;
    },
    async putManifest(repository, reference, manifest) {
      const actual = sha256Digest(manifest.bytes);
      if (actual !== manifest.digest)
        throw new IntegrityError(
          `the manifest given as ${manifest.digest} hashes to ${actual}; not writing it to ${description}`,
        );
      if (SHA256_DIGEST.test(reference) && reference !== manifest.digest)
        throw new IntegrityError(
          `the manifest ${manifest.digest} cannot be stored under the digest ${reference}`,
        );
      await writeBytes(manifest.digest, manifest.bytes);
      if (!SHA256_DIGEST.test(reference)) {
        const name = layoutRefName(repository, reference);
        tags.set(name, {
          mediaType: manifest.mediaType,
          digest: manifest.digest,
          size: manifest.bytes.length,
          annotations: { [REF_NAME_ANNOTATION]: name },
        });
      }
      return manifest.digest;
    },
    async finish() {
      await ensureBlobDir();
      await fsyncDirectory(join(dir, 'blobs', 'sha256')).catch((error: unknown) => {
        throw diskErrorFor(join(dir, 'blobs', 'sha256'), error);
      });
      await writeLayoutIndex(dir, [...tags.values()]);
    },
  };
}
