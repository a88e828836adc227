// What a registry client must accept to be handed the installer's image index rather than a
// single-platform manifest (docs/factory-protocol.md §9.4), and what a digest looks like.
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
/** A 307 Location ends in manifests/sha256:<hex>: the digest is known without another request. */
export const LOCATION_DIGEST_PATTERN = /(sha256:[0-9a-f]{64})$/;

/** An image index is a few KiB; refuse to buffer anything that is clearly not one. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
