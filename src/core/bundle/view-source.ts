// The installers inside a bundle as an OCI source, read through a BundleView, so the same checks
// run on a directory and on a tar without unpacking it. Only what checks need: manifests by digest
// or by tag (the layout's ref-name annotation), and small blobs.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { IntegrityError } from '../errors.js';
import { MissingManifestError } from '../oci/index.js';
import type { Descriptor, ManifestBytes, OciSource } from '../oci/index.js';
import { BUNDLE_IMAGES_DIR } from './layout-names.js';
import type { BundleView } from './bundle-view.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

export function blobPath(digest: string): string {
  return `${BUNDLE_IMAGES_DIR}/blobs/sha256/${digest.replace(/^sha256:/, '')}`;
}

export function viewSource(view: BundleView): OciSource {
  const readBlob = async (digest: string): Promise<Buffer> => {
    const bytes = await view.read(blobPath(digest));
    if (!bytes)
      throw new IntegrityError(`${view.description} has no blob ${digest}`, {
        hint: 'The bundle is incomplete; make it again with talos-release bundle.',
      });
    const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (actual !== digest)
      throw new IntegrityError(
        `blob ${digest} in ${view.description} holds other bytes (${actual})`,
        {
          hint: 'The bundle was damaged or edited; make it again with talos-release bundle.',
        },
      );
    return bytes;
  };
  return {
    description: `bundle ${view.description}`,
    async manifest(reference) {
      const digest = /^sha256:[0-9a-f]{64}$/.test(reference)
        ? reference
        : await digestForTag(view, reference);
      const bytes = await readBlob(digest);
      const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: string };
      return { bytes, digest, mediaType: parsed.mediaType ?? '' } satisfies ManifestBytes;
    },
    blob: (descriptor: Descriptor) => async (offset) =>
      Readable.from([(await readBlob(descriptor.digest)).subarray(offset)]),
  };
}

async function digestForTag(view: BundleView, tag: string): Promise<string> {
  const index = await view.read(`${BUNDLE_IMAGES_DIR}/index.json`);
  const entries =
    (JSON.parse(index?.toString('utf8') ?? '{}') as { manifests?: Descriptor[] }).manifests ?? [];
  const entry = entries.find((e) => {
    const name = e.annotations?.[REF_NAME] ?? '';
    return name === tag || name.endsWith(`:${tag}`);
  });
  if (!entry)
    throw new MissingManifestError(`${view.description} has no image tagged ${tag}`, {
      hint: 'The bundle is incomplete; make it again with talos-release bundle.',
    });
  return entry.digest;
}
