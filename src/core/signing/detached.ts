// A bare Ed25519 check with a minisign public key, for the signatures that are not minisign
// files (the DSSE envelope of the provenance).
import { verify as ed25519Verify } from 'node:crypto';
import type { PublicKey } from './public-key.js';

export function verifyDetached(publicKey: PublicKey, message: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  return ed25519Verify(null, message, publicKey.key, signature);
}
