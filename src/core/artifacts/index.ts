export {
  KNOWN_PLATFORMS,
  atLeastTalos,
  diskImageSuffix,
  supportsSecureBoot,
  usesPlatformInstaller,
} from './platforms.js';
export { parseInstallerImage, parseIsoUrl } from './parse-refs.js';
export type { ParsedInstallerImage, ParsedIsoUrl } from './parse-refs.js';
export { artifactRefs, isoFileName, parseArchitecture } from './refs.js';
export type { Architecture, ArtifactInput, ArtifactRefs, IsoNameInput } from './refs.js';
export {
  DISK_FORMATS,
  DISK_COMPRESSIONS,
  parseInstallerChoice,
  parseTarget,
  parseTargets,
  validTargetNames,
} from './targets.js';
export type { InstallerChoice, ParsedTarget, TargetContext, TargetKind } from './targets.js';
