// The schematic codec's public API: decode as the factory does, encode its canonical bytes, ID.
export { decodeSchematic } from './decode.js';
export { encodeCanonical } from './encode.js';
export type { EncodeOptions } from './encode.js';
export type { EncoderDialect } from './dialect.js';
export { schematicId } from './schematic-id.js';
export type * from './types.js';
