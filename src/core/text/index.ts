// src/core/text: what the rest of the tool may use; the other files are this folder's internals.
export * from './edit-distance.js';
