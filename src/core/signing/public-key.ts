// A minisign public key: a file (comment line + base64 line) or the bare base64 line that
// `minisign -P` takes, so `verify --pubkey` accepts either.
import type { KeyObject } from 'node:crypto';
import { UserInputError } from '../errors.js';
import {
  KEY_ID_BYTES,
  PUBLIC_RECORD_BYTES,
  TAG,
  UNTRUSTED_PREFIX,
  decodeRecord,
  keyIdHex,
  linesOf,
  publicKeyFromBytes,
} from './format.js';

export interface PublicKey {
  /** The key id as minisign prints it: upper-case hex, without leading zeros (up to 16 digits). */
  readonly keyId: string;
  /** The 8 key id bytes as stored in signatures. */
  readonly keyIdBytes: Buffer;
  /** The raw 32-byte Ed25519 public key. */
  readonly bytes: Buffer;
  /** The base64 line (`RW…`): what `minisign -P` takes. */
  readonly line: string;
  readonly key: KeyObject;
}

/** Builds the record from its parts (for a key we just generated). */
export function publicKeyOf(keyIdBytes: Buffer, bytes: Buffer): PublicKey {
  const record = Buffer.concat([Buffer.from(TAG.ed25519, 'latin1'), keyIdBytes, bytes]);
  return {
    keyId: keyIdHex(keyIdBytes),
    keyIdBytes: Buffer.from(keyIdBytes),
    bytes: Buffer.from(bytes),
    line: record.toString('base64'),
    key: publicKeyFromBytes(bytes),
  };
}

/** `untrusted comment: minisign public key <id>` then the base64 line, as minisign -G writes. */
export function publicKeyFileText(key: PublicKey): string {
  return `${UNTRUSTED_PREFIX}minisign public key ${key.keyId}\n${key.line}\n`;
}

/**
 * Reads a public key file's text, or a bare base64 key. `source` names where it came from in
 * messages (a path, or "the --pubkey value").
 */
export function parsePublicKey(textOrLine: string, source = 'the public key'): PublicKey {
  const lines = linesOf(textOrLine.trim()).map((line) => line.trim());
  // A file: the comment line, then the key. A bare key: one line.
  const keyLine = lines[0]?.startsWith(UNTRUSTED_PREFIX) ? lines[1] : lines[0];
  const hint =
    'Pass the .pub file that `talos-release keygen` (or `minisign -G`) wrote, or its second line (RW…).';
  const record = keyLine === undefined ? undefined : decodeRecord(keyLine, PUBLIC_RECORD_BYTES);
  if (!record) {
    throw new UserInputError(`${source} is not a minisign public key`, { hint });
  }
  if (record.subarray(0, 2).toString('latin1') !== TAG.ed25519) {
    throw new UserInputError(`${source} uses a signature algorithm other than Ed25519`, { hint });
  }
  return publicKeyOf(
    record.subarray(2, 2 + KEY_ID_BYTES),
    record.subarray(2 + KEY_ID_BYTES, PUBLIC_RECORD_BYTES),
  );
}
