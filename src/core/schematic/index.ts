// The schematic codec's public API, the only file outside this folder imports. Inside:
//   decode/   the factory's strict decoding, with messages that point at line and column
//   encode/   the canonical bytes (go-yaml's output, by hand) and the ID
//   resolve/  what go-yaml makes of a plain scalar, shared by decode, encode and file edits
//   policy/   the client's rules on top: normal form, secrets, refused characters, dialect notes
//   file/     reading a schematic file and editing it in place
export { decodeSchematic } from './decode/decode-schematic.js';
export { encodeCanonical, schematicId } from './encode/encode-canonical.js';
export type { EncodeOptions } from './encode/encode-canonical.js';
export type { EncoderDialect } from './encode/dialect.js';
export { normalizeSchematic } from './policy/normalize.js';
export type { NormalForm, NormalizeOptions } from './policy/normalize.js';
export { dialectSensitiveStrings } from './policy/dialect-sensitive.js';
export { findSecretLikeValues } from './policy/secrets.js';
export type { SecretFinding } from './policy/secrets.js';
export { setOfficialExtensions } from './file/set-extensions.js';
export { loadSchematicFile, readSchematicText } from './file/load-file.js';
export type { LoadedSchematic, LoadOptions } from './file/load-file.js';
export type * from './types.js';
export type { Schematic } from './types.js';
