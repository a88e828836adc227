// The line diff lives in core (release diffs use it too); the wizard keeps importing it here.
export { diffLines } from '../../core/diff/index.js';
export type { DiffLine } from '../../core/diff/index.js';
