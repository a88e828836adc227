// `preflight`: the public surface.
export { runPreflight } from './run-preflight.js';
export type { PreflightDependencies, PreflightFactory, PreflightReport } from './types.js';
