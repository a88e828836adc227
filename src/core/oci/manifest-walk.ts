// What a manifest points at: an index lists child manifests, an image manifest lists a config and
// layers (docs/distribution-protocol.md §1.3). Only the descriptors are read, never re-serialised:
// the bytes travel as they came, since their digest is what Talos pins.
import { IntegrityError } from '../errors.js';
import { SHA256_DIGEST } from './digest-check.js';
import { MEDIA_TYPES } from './types.js';
import type { Descriptor, ManifestBytes } from './types.js';

export interface ManifestLinks {
  /** Child manifests (an index). */
  readonly manifests: readonly Descriptor[];
  /** Config and layers (an image manifest), in manifest order. */
  readonly blobs: readonly Descriptor[];
}

function isIndexType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList;
}

function descriptorOf(value: unknown, where: string): Descriptor {
  const d = value as Partial<Descriptor> | null;
  if (
    typeof d !== 'object' ||
    d === null ||
    typeof d.digest !== 'string' ||
    !SHA256_DIGEST.test(d.digest) ||
    typeof d.size !== 'number' ||
    !Number.isSafeInteger(d.size) ||
    d.size < 0 ||
    typeof d.mediaType !== 'string'
  )
    throw new IntegrityError(
      `${where} lists a descriptor without a sha256 digest, size or media type`,
      {
        hint: 'The manifest is not one this tool can copy byte-exact; check its source.',
      },
    );
  return d as Descriptor;
}

export function manifestLinks(manifest: ManifestBytes, where: string): ManifestLinks {
  let parsed: { manifests?: unknown; config?: unknown; layers?: unknown };
  try {
    parsed = JSON.parse(manifest.bytes.toString('utf8')) as typeof parsed;
  } catch {
    throw new IntegrityError(`the manifest ${manifest.digest} at ${where} is not JSON`);
  }
  if (isIndexType(manifest.mediaType) || Array.isArray(parsed.manifests)) {
    const list = Array.isArray(parsed.manifests) ? parsed.manifests : [];
    return {
      manifests: list.map((m) => descriptorOf(m, `the index ${manifest.digest}`)),
      blobs: [],
    };
  }
  const label = `the manifest ${manifest.digest}`;
  const blobs: Descriptor[] = [];
  if (parsed.config !== undefined) blobs.push(descriptorOf(parsed.config, label));
  if (Array.isArray(parsed.layers)) blobs.push(...parsed.layers.map((l) => descriptorOf(l, label)));
  return { manifests: [], blobs };
}
