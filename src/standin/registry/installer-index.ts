// The installer the registry frontend builds: an OCI image index over two Docker v2 schema 2
// image manifests (linux/amd64, linux/arm64), each with a config blob and gzip tar layers, as
// the factory's go-containerregistry build makes them. Every byte derives from (image,
// schematic, version) and the layer sizes, so a rebuild gives the same digests, and every
// digest is the sha256 of bytes the registry really serves.
import { createHash } from 'node:crypto';
import { contentBytes } from '../asset-bytes.js';
import { gzipLayer, singleFileTar } from './layer-tar.js';

export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_CONFIG_MEDIA_TYPE = 'application/vnd.docker.container.image.v1+json';
const DOCKER_LAYER_MEDIA_TYPE = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
const ARCHITECTURES = ['amd64', 'arm64'] as const;

/** Bytes stored in the registry under their digest. */
export interface Content {
  readonly bytes: Buffer;
  /** `sha256:<hex>` of exactly `bytes`: what Docker-Content-Digest carries. */
  readonly digest: string;
}

export interface StoredManifest extends Content {
  readonly mediaType: string;
}

export interface InstallerBuild {
  readonly index: StoredManifest;
  readonly children: readonly StoredManifest[];
  /** Config and layer blobs of every child. */
  readonly blobs: readonly Content[];
}

export interface InstallerSource {
  readonly image: string;
  readonly id: string;
  readonly version: string;
  readonly layerSizes: readonly number[];
}

function content(bytes: Buffer): Content {
  return { bytes, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

function descriptor(mediaType: string, blob: Content): object {
  return { mediaType, size: blob.bytes.length, digest: blob.digest };
}

function childImage(
  source: InstallerSource,
  architecture: (typeof ARCHITECTURES)[number],
): { manifest: StoredManifest; blobs: Content[] } {
  const tars = source.layerSizes.map((size, n) => {
    const payload = contentBytes(
      source.id,
      source.version,
      `installer/${source.image}/${architecture}/layer-${n}`,
      size,
    );
    return singleFileTar(`usr/install/${architecture}/part-${n}.bin`, payload);
  });
  const layers = tars.map((tar) => content(gzipLayer(tar)));
  const config = content(
    Buffer.from(
      JSON.stringify({
        architecture,
        created: '1970-01-01T00:00:00Z',
        os: 'linux',
        config: { Entrypoint: ['/bin/installer'] },
        rootfs: { type: 'layers', diff_ids: tars.map((tar) => content(tar).digest) },
      }),
    ),
  );
  const manifest = content(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: DOCKER_MANIFEST_MEDIA_TYPE,
        config: descriptor(DOCKER_CONFIG_MEDIA_TYPE, config),
        layers: layers.map((layer) => descriptor(DOCKER_LAYER_MEDIA_TYPE, layer)),
      }),
    ),
  );
  return {
    manifest: { ...manifest, mediaType: DOCKER_MANIFEST_MEDIA_TYPE },
    blobs: [config, ...layers],
  };
}

export function buildInstaller(source: InstallerSource): InstallerBuild {
  const images = ARCHITECTURES.map((architecture) => ({
    architecture,
    ...childImage(source, architecture),
  }));
  const manifests = images.map(({ architecture, manifest }) => ({
    ...descriptor(DOCKER_MANIFEST_MEDIA_TYPE, manifest),
    platform: { architecture, os: 'linux' },
  }));
  const index = content(
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests })),
  );
  return {
    index: { ...index, mediaType: OCI_INDEX_MEDIA_TYPE },
    children: images.map((image) => image.manifest),
    blobs: images.flatMap((image) => image.blobs),
  };
}
