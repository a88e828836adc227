export {
  advanceChannel,
  channelEntrySchema,
  channelFileSchema,
  nextPatchVersion,
} from './channel.js';
export type { ChannelEntry, ChannelFile } from './channel.js';
export { manifestConsistencyIssues } from './consistency.js';
export type { ConsistencyInput, ConsistencyIssue } from './consistency.js';
export {
  appVersionField,
  channelNameField,
  factoryUrlField,
  kubernetesVersionField,
  platformField,
  RELEASE_VERSION_PATTERN,
  releaseVersionField,
  valuesProfileField,
} from './fields.js';
export { manifestJsonSchemaText, sortKeys } from './json-schema.js';
export { describeIssues, parseChannelFile, parseManifest, parseManifestObject } from './parse.js';
export { RELEASE_MANIFEST_SCHEMA_REF, releaseManifestSchema } from './schema.js';
export type { ReleaseManifest } from './schema.js';
export {
  artifactKindField,
  MANIFEST_VERSION,
  releaseArtifactSchema,
  releaseInstallerSchema,
} from './release-artifacts.js';
export type { ArtifactKind, ReleaseArtifact, ReleaseInstaller } from './release-artifacts.js';
export { parseSha256Sums, sha256SumsPathFor, sha256SumsText } from './sha256sums.js';
export type { SummedFile, SummedLine } from './sha256sums.js';
