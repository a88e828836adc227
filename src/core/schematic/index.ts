// The schematic codec's public API: decode as the factory does, encode its canonical bytes, ID,
// and the client policy around them (normal form, dialect warnings, secrets, file edits).
export { decodeSchematic } from './decode.js';
export { encodeCanonical } from './encode.js';
export type { EncodeOptions } from './encode.js';
export type { EncoderDialect } from './dialect.js';
export { schematicId } from './schematic-id.js';
export { normalizeSchematic } from './normalize.js';
export type { NormalForm, NormalizeOptions } from './normalize.js';
export { dialectSensitiveStrings } from './dialect-sensitive.js';
export { findSecretLikeValues } from './secrets.js';
export type { SecretFinding } from './secrets.js';
export { setOfficialExtensions } from './set-extensions.js';
export { loadSchematicFile } from './load.js';
export type { LoadedSchematic, LoadOptions } from './load.js';
export type * from './types.js';
export type { Schematic } from './types.js';
