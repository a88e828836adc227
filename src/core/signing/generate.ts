// A new key pair in minisign's file formats, so `minisign -V` checks what we sign and the
// operator can keep using the keys with minisign itself (docs/distribution-protocol.md §5).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  KEY_ID_BYTES,
  SALT_BYTES,
  SEALED_BYTES,
  TAG,
  UNTRUSTED_PREFIX,
  privateKeyFromSeed,
  rawPublicKey,
} from './format.js';
import { publicKeyFileText, publicKeyOf } from './public-key.js';
import {
  SENSITIVE_MEMLIMIT,
  SENSITIVE_OPSLIMIT,
  scryptParameters,
  scryptStream,
} from './scrypt.js';
import { secretKeyChecksum } from './secret-key.js';

export interface GeneratedKeyPair {
  /** As minisign prints it: upper-case hex, without leading zeros (up to 16 digits). */
  readonly keyId: string;
  /** The base64 public key line (`RW…`), what `minisign -P` takes. */
  readonly publicKeyLine: string;
  readonly publicKeyFile: string;
  readonly secretKeyFile: string;
}

export interface GenerateOptions {
  /** Encrypts the secret key as minisign does; without one it is stored as `minisign -G -W` does. */
  readonly password?: string | undefined;
}

export async function generateKeyPair(options: GenerateOptions = {}): Promise<GeneratedKeyPair> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  // Round-tripped through our own reader's path so the stored seed is the one that signs.
  const publicBytes = rawPublicKey(privateKeyFromSeed(seed));
  const keyIdBytes = randomBytes(KEY_ID_BYTES);
  const secret = Buffer.concat([seed, publicBytes]);
  const sealed = Buffer.concat([keyIdBytes, secret, secretKeyChecksum(keyIdBytes, secret)]);
  const encrypted = options.password !== undefined;
  const salt = encrypted ? randomBytes(SALT_BYTES) : Buffer.alloc(SALT_BYTES);
  const limits = Buffer.alloc(16);
  if (encrypted) {
    limits.writeBigUInt64LE(SENSITIVE_OPSLIMIT, 0);
    limits.writeBigUInt64LE(SENSITIVE_MEMLIMIT, 8);
    const stream = await scryptStream(
      options.password ?? '',
      salt,
      SEALED_BYTES,
      scryptParameters(SENSITIVE_OPSLIMIT, SENSITIVE_MEMLIMIT),
      'the new key',
    );
    for (let i = 0; i < SEALED_BYTES; i += 1) sealed[i] = (sealed[i] ?? 0) ^ (stream[i] ?? 0);
    stream.fill(0);
  }
  const record = Buffer.concat([
    Buffer.from(TAG.ed25519, 'latin1'),
    encrypted ? Buffer.from(TAG.scrypt, 'latin1') : Buffer.alloc(2),
    Buffer.from(TAG.blake2b, 'latin1'),
    salt,
    limits,
    sealed,
  ]);
  seed.fill(0);
  secret.fill(0);
  const publicKey = publicKeyOf(keyIdBytes, publicBytes);
  // minisign labels every secret key file "encrypted", even -W ones; we say what it is.
  const label = encrypted ? 'minisign encrypted secret key' : 'minisign unencrypted secret key';
  const secretKeyFile = `${UNTRUSTED_PREFIX}${label}\n${record.toString('base64')}\n`;
  record.fill(0);
  sealed.fill(0);
  return {
    keyId: publicKey.keyId,
    publicKeyLine: publicKey.line,
    publicKeyFile: publicKeyFileText(publicKey),
    secretKeyFile,
  };
}
