// Blobs and manifests for the registry client tests: files on disk opened at an offset, as the
// publish step will hand them over, and OCI manifests whose bytes are what their digest is of.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MEDIA_TYPES } from '../../../src/core/oci/index.js';
import type { Descriptor, ManifestBytes, OpenBlob } from '../../../src/core/oci/index.js';

export const MiB = 1024 * 1024;

export const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export interface BlobFile {
  readonly path: string;
  readonly descriptor: Descriptor;
  /** Opens from an offset and records it, so a test can see where each chunk began. */
  readonly open: OpenBlob;
  readonly opened: number[];
}

/** A file of random bytes written 1 MiB at a time (memory stays small), with its digest. */
export async function randomBlobFile(
  dir: string,
  size: number,
  name = 'blob.bin',
): Promise<BlobFile> {
  const path = join(dir, name);
  const handle = await open(path, 'w');
  const hash = createHash('sha256');
  try {
    for (let written = 0; written < size;) {
      const piece = randomBytes(Math.min(MiB, size - written));
      hash.update(piece);
      await handle.write(piece);
      written += piece.length;
    }
  } finally {
    await handle.close();
  }
  const opened: number[] = [];
  return {
    path,
    descriptor: {
      mediaType: 'application/octet-stream',
      digest: `sha256:${hash.digest('hex')}`,
      size,
    },
    opened,
    open: async (offset) => {
      opened.push(offset);
      return createReadStream(path, { start: offset });
    },
  };
}

export function bufferBlob(
  bytes: Buffer,
  mediaType = 'application/octet-stream',
): {
  descriptor: Descriptor;
  open: OpenBlob;
} {
  return {
    descriptor: { mediaType, digest: sha256(bytes), size: bytes.length },
    open: async (offset) => Readable.from([bytes.subarray(offset)]),
  };
}

/** An image-spec 1.1 artifact manifest: empty config, one layer. */
export function artifactManifest(layer: Descriptor): ManifestBytes {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      artifactType: 'application/vnd.talos-release.test.v1',
      config: {
        mediaType: MEDIA_TYPES.ociEmpty,
        digest: EMPTY_CONFIG.descriptor.digest,
        size: 2,
      },
      layers: [{ ...layer, annotations: { 'org.opencontainers.image.title': 'blob.bin' } }],
    }),
  );
  return { bytes, mediaType: MEDIA_TYPES.ociManifest, digest: sha256(bytes) };
}

export const EMPTY_CONFIG = bufferBlob(Buffer.from('{}'), MEDIA_TYPES.ociEmpty);
