// Our own media types for the release as an OCI artifact (docs/distribution-protocol.md §3).
// Consumers such as `oras pull` go by the title annotation; these types let a reader tell the
// manifest from the images without parsing file names.
export const RELEASE_ARTIFACT_TYPE = 'application/vnd.talos-release.release.v1+json';

export const RELEASE_LAYER_TYPES = {
  manifest: 'application/vnd.talos-release.manifest.v1+json',
  sums: 'application/vnd.talos-release.sha256sums.v1',
  signature: 'application/vnd.talos-release.minisig.v1',
  provenance: 'application/vnd.talos-release.provenance.v1+json',
  image: 'application/vnd.talos-release.image.v1',
} as const;

/** The OCI empty descriptor's content, `{}`: an artifact with no config points at it. */
export const EMPTY_CONFIG_BYTES = Buffer.from('{}');
export const EMPTY_CONFIG_DIGEST =
  'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
