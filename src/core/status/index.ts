export { checkStatus, RELEASE_DUE_EXIT_CODE } from './check-status.js';
export type { StatusRequest } from './check-status.js';
export type { FindingKind, StatusFinding, StatusReport } from './types.js';
export { newestPatchOf } from './newest-patch.js';
