// src/core/pipeline: what the rest of the tool may use; the other files are this folder's internals.
export * from './answers.js';
export * from './artifacts.js';
export * from './events.js';
export * from './plan.js';
export * from './problems.js';
export * from './project.js';
export * from './release-steps.js';
export * from './release-version.js';
export * from './request-limits.js';
export * from './request.js';
export * from './room-for-targets.js';
export * from './run.js';
export * from './session-answers.js';
export * from './session.js';
export * from './write-release.js';
export * from './download-targets.js';
export * from './targets-plan.js';
