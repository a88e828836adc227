// Checks a minisign signature the way `minisign -V` does: the key id, the signature over the
// file (prehashed `ED`, or legacy `Ed` over the whole file), then the global signature over the
// signature and the trusted comment. Every failure is an IntegrityError (exit 5) naming the file.
import { verify as ed25519Verify } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { IntegrityError } from '../errors.js';
import { LEGACY_MAX_BYTES, blake2b512OfFile, readWholeFile } from './file-hash.js';
import {
  KEY_ID_BYTES,
  SIGNATURE_BYTES,
  SIGNATURE_RECORD_BYTES,
  TAG,
  TRUSTED_PREFIX,
  UNTRUSTED_PREFIX,
  decodeRecord,
  keyIdHex,
  linesOf,
} from './format.js';
import type { PublicKey } from './public-key.js';

export interface VerifiedSignature {
  readonly trustedComment: string;
  /** The signing key's id, as minisign prints it. */
  readonly keyId: string;
  readonly prehashed: boolean;
}

export interface VerifySignatureOptions {
  /** How the signature file is named in messages; default `<path>.minisig`. */
  readonly signatureFile?: string | undefined;
  /** How the signed file is named in messages; default its path. */
  readonly file?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

interface ParsedSignature {
  readonly prehashed: boolean;
  readonly keyIdBytes: Buffer;
  readonly signature: Buffer;
  readonly trustedComment: string;
  readonly globalSignature: Buffer;
}

export async function verifyFileSignature(
  path: string,
  minisigText: string,
  publicKey: PublicKey,
  options: VerifySignatureOptions = {},
): Promise<VerifiedSignature> {
  const file = options.file ?? path;
  const sigFile = options.signatureFile ?? `${file}.minisig`;
  const parsed = parseSignature(minisigText, sigFile);
  const fix = 'Restore the file and its signature from the release, or sign it again.';
  if (!parsed.keyIdBytes.equals(publicKey.keyIdBytes)) {
    throw new IntegrityError(
      `${sigFile} was made with key ${keyIdHex(parsed.keyIdBytes)}, not with the given key ${publicKey.keyId}`,
      { hint: 'Check that you passed the public key of the key that signed this release.' },
    );
  }
  const message = parsed.prehashed
    ? await blake2b512OfFile(path, options.signal)
    : await legacyMessage(path, file);
  if (!ed25519Verify(null, message, publicKey.key, parsed.signature)) {
    throw new IntegrityError(`${file} does not match its signature ${sigFile}`, {
      hint: `${file} (or its signature) changed after it was signed. ${fix}`,
    });
  }
  const signedComment = Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment)]);
  if (!ed25519Verify(null, signedComment, publicKey.key, parsed.globalSignature)) {
    throw new IntegrityError(`the trusted comment of ${sigFile} does not match its signature`, {
      hint: `The comment line was edited after signing. ${fix}`,
    });
  }
  return {
    trustedComment: parsed.trustedComment,
    keyId: keyIdHex(parsed.keyIdBytes),
    prehashed: parsed.prehashed,
  };
}

async function legacyMessage(path: string, file: string): Promise<Buffer> {
  if ((await stat(path)).size > LEGACY_MAX_BYTES) {
    throw new IntegrityError(`${file} is over 1 GiB and has a legacy (non-prehashed) signature`, {
      hint: 'Sign it again with talos-release or with minisign 0.11 or newer (prehashed).',
    });
  }
  return readWholeFile(path);
}

/** The four lines of a .minisig; anything else is an IntegrityError naming the file. */
export function parseSignature(text: string, sigFile: string): ParsedSignature {
  const lines = linesOf(text);
  const [untrusted, recordLine, trustedLine, globalLine] = lines;
  const bad = (what: string): IntegrityError =>
    new IntegrityError(`${sigFile} is not a minisign signature: ${what}`, {
      hint: 'Restore the signature from the release, or sign the file again.',
    });
  if (!untrusted?.startsWith(UNTRUSTED_PREFIX)) throw bad('line 1 is not an untrusted comment');
  const record =
    recordLine === undefined ? undefined : decodeRecord(recordLine, SIGNATURE_RECORD_BYTES);
  if (!record) throw bad('line 2 is not a signature');
  const algorithm = record.subarray(0, 2).toString('latin1');
  if (algorithm !== TAG.prehashed && algorithm !== TAG.ed25519) {
    throw bad(`unknown signature algorithm ${JSON.stringify(algorithm)}`);
  }
  if (!trustedLine?.startsWith(TRUSTED_PREFIX)) throw bad('line 3 is not a trusted comment');
  const globalSignature =
    globalLine === undefined ? undefined : decodeRecord(globalLine, SIGNATURE_BYTES);
  if (!globalSignature) throw bad('line 4 is not a signature');
  return {
    prehashed: algorithm === TAG.prehashed,
    keyIdBytes: record.subarray(2, 2 + KEY_ID_BYTES),
    signature: record.subarray(2 + KEY_ID_BYTES),
    trustedComment: trustedLine.slice(TRUSTED_PREFIX.length),
    globalSignature,
  };
}
