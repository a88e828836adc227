// src/core/format: what the rest of the tool may use; the other files are this folder's internals.
export * from './colour.js';
export * from './units.js';
