export { EXTENSION_ALIASES, formerNamesOf } from './aliases.js';
export { checkExtensions } from './check-extensions.js';
export type { ExtensionCheckInput, ExtensionCheckResult } from './check-extensions.js';
export { checkVersionQuirks } from './check-quirks.js';
export type { QuirkOptions } from './check-quirks.js';
export { closestNames } from './closest.js';
export { describeProblem, extensionsMissingError } from './errors.js';
export type {
  BomEntry,
  CatalogueProblem,
  ExtensionInfo,
  OverlayInfo,
  RenamedExtension,
} from './types.js';
