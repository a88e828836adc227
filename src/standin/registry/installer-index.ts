// The installer image index the registry frontend serves: two platform manifests (amd64, arm64)
// with digests derived from (image, schematic, version), so a rebuild gives the same bytes.
import { createHash } from 'node:crypto';
import { send } from '../respond.js';
import type { Exchange } from '../respond.js';

export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';

export interface InstallerIndex {
  readonly bytes: Buffer;
  /** `sha256:<hex>` of exactly `bytes`: what Docker-Content-Digest carries. */
  readonly digest: string;
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function installerIndex(image: string, id: string, version: string): InstallerIndex {
  const manifests = (['amd64', 'arm64'] as const).map((architecture) => {
    const seed = sha256(`${image}/${id}:${version}/linux/${architecture}`);
    return {
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      digest: `sha256:${seed}`,
      // A plausible manifest size, stable for the same seed.
      size: 1000 + Number.parseInt(seed.slice(0, 3), 16),
      platform: { architecture, os: 'linux' },
    };
  });
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests }),
  );
  return { bytes, digest: `sha256:${sha256(bytes)}` };
}

/** Answers with an index manifest, as the frontend and the backing registry both do. */
export function sendInstallerIndex(ex: Exchange, bytes: Buffer, digest: string): Promise<void> {
  const headers = {
    'Content-Type': OCI_INDEX_MEDIA_TYPE,
    'Content-Length': bytes.length,
    'Docker-Content-Digest': digest,
  };
  return send(ex, 200, headers, bytes);
}
