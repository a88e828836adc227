// Publishing a release to an OCI registry: the public surface.
export type { PublishEvent, PublishEventSink, PublishStep } from './events.js';
export { installersToMirror } from './installer-plan.js';
export type { InstallerToMirror } from './installer-plan.js';
export { RELEASE_ARTIFACT_TYPE, RELEASE_LAYER_TYPES } from './media-types.js';
export {
  publishRecordPath,
  publishRecordSchema,
  readPublishRecord,
  recordPublication,
} from './publish-record.js';
export type { MirroredInstaller, Publication, PublishRecord } from './publish-record.js';
export { publishRelease, RELEASE_REPOSITORY } from './publish-release.js';
export type { PublishRequest, PublishTarget } from './publish-release.js';
export { TITLE_ANNOTATION, releaseArtifactManifest } from './release-artifact.js';
export { artifactsOf, manifestTitleFor, readReleaseOnDisk } from './release-files.js';
export type { ReleaseFile, ReleaseOnDisk } from './release-files.js';
export { openPublishTarget } from './open-target.js';
export type { PublishTargetOptions } from './open-target.js';
export { publishFromRepository } from './publish-repository.js';
export type { RepositoryPublishOptions, RepositoryPublishResult } from './publish-repository.js';
export { factoryCosignKey } from './cosign-key.js';
export { judgeInstallerSignature } from './installer-signature.js';
export type { InstallerSignatureRequest } from './installer-signature.js';
