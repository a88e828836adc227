// src/core/fs: what the rest of the tool may use; the other files are this folder's internals.
export * from './atomic-write.js';
export * from './exists.js';
export * from './lock.js';
export * from './read-chunk.js';
