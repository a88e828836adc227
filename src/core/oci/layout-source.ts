// An OCI image layout as an OciSource, for `publish --from <bundle>` and for reusing a previous
// bundle: manifests by digest or by ref name, blobs by digest from any offset. Every name that
// becomes a path is checked first, so a bundle cannot make us read outside its directory
// (docs/distribution-protocol.md §4).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { errnoCode, IntegrityError, UserInputError } from '../errors.js';
import { integrityMismatch, SHA256_DIGEST, sha256Digest } from './digest-check.js';
import { layoutBlobPath, layoutRefName, readLayoutIndex, refNameOf } from './layout.js';
import type { LayoutIndex } from './layout.js';
import { MAX_MANIFEST_BYTES } from '../installer/index.js';
import { manifestMediaType } from './manifest-media-type.js';
import { MissingManifestError } from './missing.js';
import type { Descriptor, ManifestBytes, OciSource } from './types.js';
import { FILE_READ_CHUNK_BYTES } from '../fs/index.js';

export interface OciLayoutSourceOptions {
  /** Which repository's tags to read (`<repository>:<tag>` ref names); none: bare ref names. */
  readonly repository?: string | undefined;
}

export interface OciLayoutSource extends OciSource {
  tags(): Promise<readonly string[]>;
}

const DAMAGED_HINT = 'The bundle is incomplete or damaged: copy it again, or rebuild it.';

export function ociLayoutSource(
  dir: string,
  options: OciLayoutSourceOptions = {},
): OciLayoutSource {
  const { repository } = options;
  const description = repository ? `OCI layout ${dir} (${repository})` : `OCI layout ${dir}`;
  let indexRead: Promise<LayoutIndex> | undefined;
  const index = (): Promise<LayoutIndex> => {
    indexRead ??= readLayoutIndex(dir).then((found) => {
      if (found) return found;
      throw new UserInputError(`${dir} is not an OCI image layout: it has no index.json`, {
        hint: 'Point at the images directory of a bundle (it holds oci-layout, index.json and blobs/).',
      });
    });
    return indexRead;
  };

  /** The manifest a descriptor names, read whole and held to its digest and size. */
  const readManifest = async (descriptor: Pick<Descriptor, 'digest'> & Partial<Descriptor>) => {
    const path = layoutBlobPath(dir, descriptor.digest);
    let bytes: Buffer;
    try {
      const info = await stat(path);
      if (info.size > MAX_MANIFEST_BYTES)
        throw integrityMismatch(
          descriptor.digest,
          description,
          `is ${info.size} bytes, too large for a manifest`,
        );
      bytes = await readFile(path);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT')
        throw new IntegrityError(
          `the manifest ${descriptor.digest} is missing from ${description}`,
          {
            hint: DAMAGED_HINT,
          },
        );
      throw error;
    }
    const digest = sha256Digest(bytes);
    if (digest !== descriptor.digest)
      throw integrityMismatch(descriptor.digest, description, `hashes to ${digest}`, DAMAGED_HINT);
    if (descriptor.size !== undefined && bytes.length !== descriptor.size)
      throw integrityMismatch(
        descriptor.digest,
        description,
        `is ${bytes.length} bytes, not ${descriptor.size}`,
        DAMAGED_HINT,
      );
    const listed = (await index()).manifests.find((d) => d.digest === digest)?.mediaType;
    const manifest: ManifestBytes = {
      bytes,
      digest,
      mediaType: manifestMediaType(bytes, descriptor.mediaType ?? listed),
    };
    return manifest;
  };

  return {
    description,
    async manifest(reference) {
      if (SHA256_DIGEST.test(reference) || reference.startsWith('sha256:'))
        return readManifest({ digest: reference });
      const name = layoutRefName(repository, reference);
      const entry = (await index()).manifests.find((d) => refNameOf(d) === name);
      if (!entry)
        throw new MissingManifestError(`${description} holds no image named ${name}`, {
          hint: 'List what it holds with `skopeo inspect oci:<dir>:<ref>` or check the bundle images.txt.',
        });
      return readManifest(entry);
    },
    blob(descriptor) {
      return async (offset) => {
        const path = layoutBlobPath(dir, descriptor.digest);
        let size: number;
        try {
          size = (await stat(path)).size;
        } catch (error) {
          if (errnoCode(error) === 'ENOENT')
            throw new IntegrityError(`blob ${descriptor.digest} is missing from ${description}`, {
              hint: DAMAGED_HINT,
            });
          throw error;
        }
        if (size !== descriptor.size)
          throw integrityMismatch(
            descriptor.digest,
            description,
            `is ${size} bytes on disk, not ${descriptor.size}`,
            DAMAGED_HINT,
          );
        if (offset >= size) return Readable.from([]);
        return createReadStream(path, {
          start: offset,
          end: size - 1,
          highWaterMark: FILE_READ_CHUNK_BYTES,
        });
      };
    },
    async tags() {
      const names = (await index()).manifests
        .map(refNameOf)
        .filter((n): n is string => n !== undefined);
      if (!repository) return names;
      const prefix = `${repository}:`;
      return names.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length));
    },
  };
}
