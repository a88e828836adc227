// A minisign secret key file: `Ed` ‖ kdf ‖ `B2` ‖ salt ‖ opslimit ‖ memlimit ‖ (key id ‖ secret
// key ‖ checksum), the last part XORed with a scrypt stream of the password when kdf is `Sc`, or
// stored as is when kdf is two zero bytes (`minisign -G -W`). The checksum (BLAKE2b-256 of `Ed` ‖
// key id ‖ secret key) is how a wrong password is told apart (docs/distribution-protocol.md §5).
import { sign as ed25519Sign, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import { UserInputError } from '../errors.js';
import {
  CHECKSUM_BYTES,
  KEY_ID_BYTES,
  SALT_BYTES,
  SEALED_BYTES,
  SECRET_KEY_BYTES,
  SECRET_RECORD_BYTES,
  TAG,
  UNTRUSTED_PREFIX,
  decodeRecord,
  linesOf,
  privateKeyFromSeed,
  rawPublicKey,
} from './format.js';
import { publicKeyOf } from './public-key.js';
import type { PublicKey } from './public-key.js';
import { scryptParameters, scryptStream } from './scrypt.js';

const KDF_NONE = '\0\0';
const SEALED_OFFSET = 2 + 2 + 2 + SALT_BYTES + 8 + 8;

/**
 * An unlocked signing key. The key material stays inside a node KeyObject, which prints as
 * nothing, so logging a SecretKey by accident cannot leak it.
 */
export interface SecretKey {
  readonly keyId: string;
  readonly keyIdBytes: Buffer;
  readonly publicKey: PublicKey;
  /** Ed25519 over `message` (no prehash): the building block of both signature formats. */
  sign(message: Buffer): Buffer;
}

export function secretKeyOf(keyIdBytes: Buffer, privateKey: KeyObject): SecretKey {
  const publicKey = publicKeyOf(keyIdBytes, rawPublicKey(privateKey));
  return {
    keyId: publicKey.keyId,
    keyIdBytes: publicKey.keyIdBytes,
    publicKey,
    sign: (message) => ed25519Sign(null, message, privateKey),
  };
}

/** BLAKE2b-256 of `Ed` ‖ key id ‖ secret key: what unlocking with a password is checked by. */
export function secretKeyChecksum(keyIdBytes: Buffer, secretKey: Buffer): Buffer {
  const message = Buffer.concat([Buffer.from(TAG.ed25519, 'latin1'), keyIdBytes, secretKey]);
  return Buffer.from(blake2b(message, { dkLen: CHECKSUM_BYTES }));
}

interface SecretRecord {
  readonly record: Buffer;
  readonly encrypted: boolean;
}

function readRecord(text: string, file: string): SecretRecord {
  const lines = linesOf(text.trim()).map((line) => line.trim());
  const keyLine = lines[0]?.startsWith(UNTRUSTED_PREFIX) ? lines[1] : lines[0];
  const record = keyLine === undefined ? undefined : decodeRecord(keyLine, SECRET_RECORD_BYTES);
  const hint = 'Pass the .key file that `talos-release keygen` (or `minisign -G`) wrote.';
  if (!record) throw new UserInputError(`${file} is not a minisign secret key`, { hint });
  const tag = (from: number): string => record.subarray(from, from + 2).toString('latin1');
  if (tag(0) !== TAG.ed25519 || tag(4) !== TAG.blake2b) {
    throw new UserInputError(`${file} uses algorithms this tool does not know`, { hint });
  }
  const kdf = tag(2);
  if (kdf !== TAG.scrypt && kdf !== KDF_NONE) {
    throw new UserInputError(`${file} is encrypted with a method this tool does not know`, {
      hint,
    });
  }
  return { record, encrypted: kdf === TAG.scrypt };
}

/** Whether unlocking the key needs a password (asked before anything else happens). */
export function secretKeyIsEncrypted(text: string, file = 'the secret key'): boolean {
  return readRecord(text, file).encrypted;
}

/**
 * Unlocks a secret key file's text. A wrong password shows as a checksum mismatch: a
 * UserInputError that names the file and never the password.
 */
export async function parseSecretKey(
  text: string,
  password?: string,
  file = 'the secret key',
): Promise<SecretKey> {
  const { record, encrypted } = readRecord(text, file);
  const sealed = Buffer.from(record.subarray(SEALED_OFFSET));
  if (encrypted) {
    if (password === undefined) {
      throw new UserInputError(`${file} is encrypted and no password was given`, {
        hint: 'Set TALOS_RELEASE_SIGN_PASSWORD, or run in a terminal to be asked.',
      });
    }
    const salt = record.subarray(6, 6 + SALT_BYTES);
    const opslimit = record.readBigUInt64LE(6 + SALT_BYTES);
    const memlimit = record.readBigUInt64LE(6 + SALT_BYTES + 8);
    const stream = await scryptStream(
      password,
      salt,
      SEALED_BYTES,
      scryptParameters(opslimit, memlimit),
      file,
    );
    for (let i = 0; i < SEALED_BYTES; i += 1) sealed[i] = (sealed[i] ?? 0) ^ (stream[i] ?? 0);
    stream.fill(0);
  }
  const keyIdBytes = sealed.subarray(0, KEY_ID_BYTES);
  const secret = sealed.subarray(KEY_ID_BYTES, KEY_ID_BYTES + SECRET_KEY_BYTES);
  const checksum = sealed.subarray(KEY_ID_BYTES + SECRET_KEY_BYTES);
  const expected = secretKeyChecksum(keyIdBytes, secret);
  // minisign -G -W leaves the checksum of an unencrypted key zero; any other value must match.
  const unchecked = !encrypted && checksum.every((byte) => byte === 0);
  if (!unchecked && !timingSafeEqual(expected, checksum)) {
    sealed.fill(0);
    throw encrypted
      ? new UserInputError(`wrong password for ${file}`, {
          hint: 'Check TALOS_RELEASE_SIGN_PASSWORD (or what you typed) and try again.',
        })
      : new UserInputError(`${file} is damaged: its checksum does not match`, {
          hint: 'Restore the key file from your backup.',
        });
  }
  const privateKey = privateKeyFromSeed(Buffer.from(secret.subarray(0, 32)));
  const key = secretKeyOf(Buffer.from(keyIdBytes), privateKey);
  // The second half of libsodium's secret key is the public key: a key that disagrees is damaged.
  const storedPublic = secret.subarray(32);
  const matches = timingSafeEqual(storedPublic, key.publicKey.bytes);
  sealed.fill(0);
  if (!matches) {
    throw new UserInputError(`${file} is damaged: its public half does not match its seed`, {
      hint: 'Restore the key file from your backup.',
    });
  }
  return key;
}
