// Installer digest resolution: the public surface.
export { DEFAULT_DIGEST_TIMEOUT_MS, resolveInstallerDigest } from './resolve-digest.js';
export type { InstallerDigest, InstallerDigestRequest } from './resolve-digest.js';
export { tryResolveInstallerDigest } from './try-resolve-digest.js';
export type { OptionalInstallerDigest } from './try-resolve-digest.js';
export { pinnedReference } from './pinned-reference.js';
export { MANIFEST_ACCEPT } from './manifest-media-types.js';
export { registryBaseUrl } from './registry-base-url.js';
export { requestManifest } from './registry-session.js';
export type { RegistrySession } from './registry-session.js';
export { architectureDigests, resolveIndexChildren } from './index-children.js';
export type { ArchitectureDigest, IndexChildrenRequest } from './index-children.js';
