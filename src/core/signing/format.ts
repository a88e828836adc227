// The byte layouts of minisign's key and signature files (docs/distribution-protocol.md §5):
// fixed-size binary records, base64-encoded one to a line under a comment line. Kept in one place
// so the reader and the writer cannot drift apart.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Algorithm tags, as two ASCII bytes at the start of each record. */
export const TAG = {
  ed25519: 'Ed',
  /** A signature over BLAKE2b-512 of the file (minisign's default since 0.11). */
  prehashed: 'ED',
  scrypt: 'Sc',
  blake2b: 'B2',
} as const;

export const KEY_ID_BYTES = 8;
export const PUBLIC_KEY_BYTES = 32;
/** libsodium's secret key: the 32-byte seed followed by the public key. */
export const SECRET_KEY_BYTES = 64;
export const SIGNATURE_BYTES = 64;
export const CHECKSUM_BYTES = 32;
export const SALT_BYTES = 32;

/** `Ed` ‖ key id ‖ public key. */
export const PUBLIC_RECORD_BYTES = 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES;
/** algorithm ‖ key id ‖ signature. */
export const SIGNATURE_RECORD_BYTES = 2 + KEY_ID_BYTES + SIGNATURE_BYTES;
/** The part of a secret key file that the password's scrypt stream is XORed over. */
export const SEALED_BYTES = KEY_ID_BYTES + SECRET_KEY_BYTES + CHECKSUM_BYTES;
/** `Ed` ‖ kdf ‖ `B2` ‖ salt ‖ opslimit ‖ memlimit ‖ sealed part: 158 bytes. */
export const SECRET_RECORD_BYTES = 2 + 2 + 2 + SALT_BYTES + 8 + 8 + SEALED_BYTES;

export const UNTRUSTED_PREFIX = 'untrusted comment: ';
export const TRUSTED_PREFIX = 'trusted comment: ';
/** minisign's limit for the trusted comment line, prefix included. */
export const TRUSTED_COMMENT_MAX_BYTES = 8192;

/**
 * The key id as minisign prints it (`minisign public key B6354F6B378D2F45`): the 8 bytes read
 * as a little-endian number, in upper-case hex without leading zeros. Operators compare this string, so we use it too.
 */
export function keyIdHex(keyId: Buffer): string {
  // minisign prints the little-endian 64-bit id with printf's %" PRIX64: upper case and without
  // leading zeros, so an id starting with a zero nibble has 15 digits or fewer.
  return Buffer.from(keyId)
    .reverse()
    .toString('hex')
    .toUpperCase()
    .replace(/^0+(?=.)/, '');
}

/** Strict base64 (the original alphabet, with padding), as libsodium decodes it. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of a base64 line, or undefined when it is not base64 of exactly `length` bytes. */
export function decodeRecord(line: string, length: number): Buffer | undefined {
  const text = line.trim();
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length ? bytes : undefined;
}

// DER prefixes that turn raw Ed25519 key bytes into the PKCS#8 and SPKI forms node:crypto reads.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function privateKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

export function publicKeyFromBytes(publicKey: Buffer): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]),
    format: 'der',
    type: 'spki',
  });
}

/** The raw 32 public key bytes of an Ed25519 key object. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - PUBLIC_KEY_BYTES);
}

/** The lines of a key or signature file; CRLF files (edited on Windows) read the same. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}
