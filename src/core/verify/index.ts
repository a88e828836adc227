// `verify` and the checklist both `verify` and `preflight` report in: the public surface.
export { checklistExitCode, failed, passed, skipped } from './checklist.js';
export type { CheckResult, CheckStatus } from './checklist.js';
export { DEFAULT_HEAD_SIZE_TIMEOUT_MS, headContentLength } from './head-size.js';
export type { HeadSizeOptions } from './head-size.js';
export { verifyRelease } from './verify-release.js';
export type { VerifyOptions, VerifyReport } from './verify-release.js';
export { checkProvenanceText } from './signature-checks.js';
