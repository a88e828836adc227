export { classifyVersions, latestStable, normaliseTalosVersion } from './classify.js';
export type { ClassifiedVersion } from './classify.js';
export { closestVersions, resolveVersionSelector } from './resolve.js';
