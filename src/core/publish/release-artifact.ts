// The release as one OCI artifact (image-spec 1.1): an empty config, `artifactType` of our own,
// one layer per file titled with its repository path. Everything in it comes from the release,
// not the clock, so publishing the same release again gives the same manifest digest.
import { createHash } from 'node:crypto';
import { MEDIA_TYPES } from '../oci/index.js';
import type { Descriptor, ManifestBytes } from '../oci/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import type { ReleaseFile } from './release-files.js';
import { EMPTY_CONFIG_BYTES, EMPTY_CONFIG_DIGEST, RELEASE_ARTIFACT_TYPE } from './media-types.js';

export const TITLE_ANNOTATION = 'org.opencontainers.image.title';

export const emptyConfigDescriptor: Descriptor = {
  mediaType: MEDIA_TYPES.ociEmpty,
  digest: EMPTY_CONFIG_DIGEST,
  size: EMPTY_CONFIG_BYTES.length,
};

export function layerDescriptor(file: ReleaseFile): Descriptor {
  return {
    mediaType: file.mediaType,
    digest: `sha256:${file.sha256}`,
    size: file.size,
    annotations: { [TITLE_ANNOTATION]: file.title },
  };
}

export function releaseArtifactManifest(
  manifest: ReleaseManifest,
  files: readonly ReleaseFile[],
): ManifestBytes {
  const document = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    artifactType: RELEASE_ARTIFACT_TYPE,
    config: emptyConfigDescriptor,
    layers: files.map(layerDescriptor),
    annotations: {
      'org.opencontainers.image.created': manifest.generatedAt,
      'org.opencontainers.image.version': manifest.releaseVersion,
      'dev.talos-release.channel': manifest.channel,
      'dev.talos-release.talos-version': manifest.talos.version,
    },
  };
  const bytes = Buffer.from(JSON.stringify(document));
  return {
    bytes,
    mediaType: MEDIA_TYPES.ociManifest,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  };
}
