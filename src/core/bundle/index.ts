// Air-gap bundles: write one, check one offline, publish from one. The public surface.
export { directoryView, tarView } from './bundle-view.js';
export type { BundleView } from './bundle-view.js';
export { bundleKindOf, isSafeBundlePath } from './layout-names.js';
export { openBundle } from './open-bundle.js';
export type { OpenedBundle } from './open-bundle.js';
export { publishFromBundle } from './publish-bundle.js';
export type { BundlePublishOptions } from './publish-bundle.js';
export { verifyBundle } from './verify-bundle.js';
export type { BundleVerifyOptions, BundleVerifyReport } from './verify-bundle.js';
export { writeBundle } from './write-bundle.js';
export type { BundleRequest, BundleResult } from './write-bundle.js';
