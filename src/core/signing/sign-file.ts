// Signs a file the way `minisign -S` does: a prehashed (`ED`) Ed25519 signature of the file's
// BLAKE2b-512, then a global signature over that signature and the trusted comment, so the
// comment (timestamp, file name) cannot be changed either (docs/distribution-protocol.md §5).
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { UserInputError } from '../errors.js';
import { blake2b512OfFile } from './file-hash.js';
import { TAG, TRUSTED_COMMENT_MAX_BYTES, TRUSTED_PREFIX, UNTRUSTED_PREFIX } from './format.js';
import type { SecretKey } from './secret-key.js';

export interface SignOptions {
  /** Default: `timestamp:<unix>\tfile:<basename>\thashed`, as minisign writes it. */
  readonly trustedComment?: string | undefined;
  /** Default: minisign's `signature from minisign secret key`. */
  readonly untrustedComment?: string | undefined;
  /** For the default trusted comment's timestamp. */
  readonly now?: (() => Date) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** The text of `<path>.minisig`; the file is hashed as a stream, so its size does not matter. */
export async function signFile(
  path: string,
  secretKey: SecretKey,
  options: SignOptions = {},
): Promise<string> {
  return signatureText(
    await blake2b512OfFile(path, options.signal),
    basename(path),
    secretKey,
    options,
  );
}

/**
 * The .minisig text for `bytes` as if they were a file named `name`: for a file that is only
 * staged yet (the release's sums), so the signature is ready before anything is renamed.
 */
export function signBytes(
  bytes: Buffer,
  name: string,
  secretKey: SecretKey,
  options: SignOptions = {},
): string {
  return signatureText(createHash('blake2b512').update(bytes).digest(), name, secretKey, options);
}

function signatureText(
  digest: Buffer,
  name: string,
  secretKey: SecretKey,
  options: SignOptions,
): string {
  const now = options.now ?? (() => new Date());
  const trusted =
    options.trustedComment ??
    `timestamp:${Math.floor(now().getTime() / 1000)}\tfile:${name}\thashed`;
  const untrusted = options.untrustedComment ?? 'signature from minisign secret key';
  assertOneLine(trusted, 'the trusted comment');
  assertOneLine(untrusted, 'the untrusted comment');
  if (Buffer.byteLength(TRUSTED_PREFIX + trusted) >= TRUSTED_COMMENT_MAX_BYTES) {
    throw new UserInputError(`the trusted comment is longer than minisign reads`, {
      hint: `Keep it under ${TRUSTED_COMMENT_MAX_BYTES - TRUSTED_PREFIX.length} bytes.`,
    });
  }
  const signature = secretKey.sign(digest);
  const record = Buffer.concat([
    Buffer.from(TAG.prehashed, 'latin1'),
    secretKey.keyIdBytes,
    signature,
  ]);
  const global = secretKey.sign(Buffer.concat([signature, Buffer.from(trusted, 'utf8')]));
  return (
    `${UNTRUSTED_PREFIX}${untrusted}\n${record.toString('base64')}\n` +
    `${TRUSTED_PREFIX}${trusted}\n${global.toString('base64')}\n`
  );
}

function assertOneLine(text: string, what: string): void {
  if (/[\r\n\0]/.test(text)) {
    throw new UserInputError(`${what} must be one line`, {
      hint: 'Remove the line breaks from it.',
    });
  }
}
