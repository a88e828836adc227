// Installer digest resolution: the public surface.
export { DEFAULT_DIGEST_TIMEOUT_MS, resolveInstallerDigest } from './resolve-digest.js';
export type { InstallerDigest, InstallerDigestRequest } from './resolve-digest.js';
export { tryResolveInstallerDigest } from './try-resolve-digest.js';
export type { OptionalInstallerDigest } from './try-resolve-digest.js';
export { pinnedReference } from './pinned-reference.js';
export { DIGEST_PATTERN, MANIFEST_ACCEPT, MAX_MANIFEST_BYTES } from './manifest-media-types.js';
export { parseBearerChallenge } from './bearer-challenge.js';
export type { BearerChallenge } from './bearer-challenge.js';
export { registryBaseUrl } from './registry-base-url.js';
export { architectureDigests, indexArchitectures, resolveIndexChildren } from './index-children.js';
export type { ArchitectureDigest, IndexChildrenRequest } from './index-children.js';
export { answerChallenge, authorizationFor, requestManifest } from './registry-session.js';
export type { RegistrySession } from './registry-session.js';
