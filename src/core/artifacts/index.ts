export {
  KNOWN_PLATFORMS,
  diskImageSuffix,
  supportsSecureBoot,
  usesPlatformInstaller,
} from './platforms.js';
export { parseInstallerImage, parseIsoUrl } from './parse-refs.js';
export type { ParsedInstallerImage, ParsedIsoUrl } from './parse-refs.js';
export { artifactRefs, isoFileName, parseArchitecture } from './refs.js';
export type { Architecture, ArtifactInput, ArtifactRefs, IsoNameInput } from './refs.js';
