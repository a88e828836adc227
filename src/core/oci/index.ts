// OCI content: the shapes shared by every source and destination of manifests and blobs, the
// sources (the factory's registry, an OCI image layout), the layout destination, the cosign
// check and the one copy engine.
export { MEDIA_TYPES } from './types.js';
export type {
  CopyEvent,
  CopyEventSink,
  Descriptor,
  ManifestBytes,
  OciDestination,
  OciSource,
  OpenBlob,
  Platform,
} from './types.js';
export {
  checkedBlob,
  createDigestCheck,
  digestHex,
  SHA256_DIGEST,
  sha256Digest,
} from './digest-check.js';
export type { DigestCheckOptions } from './digest-check.js';
export { factoryRegistrySource } from './factory-source.js';
export type { FactoryRegistrySourceOptions } from './factory-source.js';
export {
  checkCosignSignature,
  COSIGN_SIGNATURE_ANNOTATION,
  cosignSignatureTag,
  fetchCosignPublicKey,
} from './cosign.js';
export type { CosignCheck, CosignCheckRequest } from './cosign.js';
export { copyImage, DEFAULT_COPY_CONCURRENCY } from './copy-image.js';
export type { CopiedImage, CopyImageRequest } from './copy-image.js';
export { manifestLinks } from './manifest-walk.js';
export type { ManifestLinks } from './manifest-walk.js';
export { isMissingManifest, MissingManifestError } from './missing.js';
export { layoutBlobPath, layoutRefName, REF_NAME_ANNOTATION } from './layout.js';
export { ociLayoutDestination } from './layout-destination.js';
export type { OciLayoutDestination } from './layout-destination.js';
export { ociLayoutSource } from './layout-source.js';
export type { OciLayoutSource, OciLayoutSourceOptions } from './layout-source.js';
export { readSmallBlob } from './read-small-blob.js';
