// Signing in minisign's formats, with node:crypto only: the public surface.
export { generateKeyPair } from './generate.js';
export type { GenerateOptions, GeneratedKeyPair } from './generate.js';
export { parsePublicKey, publicKeyFileText } from './public-key.js';
export type { PublicKey } from './public-key.js';
export { parseSecretKey, secretKeyIsEncrypted } from './secret-key.js';
export type { SecretKey } from './secret-key.js';
export { signBytes, signFile } from './sign-file.js';
export type { SignOptions } from './sign-file.js';
export { verifyFileSignature } from './verify-file.js';
export type { VerifiedSignature, VerifySignatureOptions } from './verify-file.js';
export { verifyDetached } from './detached.js';
export { loadSigningKey } from './load-key.js';
export type { PasswordSource } from './load-key.js';
