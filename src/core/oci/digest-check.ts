// Holds bytes to the digest and size a descriptor promised, while they flow: nothing is buffered,
// and a blob that differs by one byte or ends one byte short fails before anything trusts it
// (docs/distribution-protocol.md §1.3). Talos pins installers by digest, so this is the check that
// makes a mirror or a bundle worth having.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { IntegrityError, UserInputError } from '../errors.js';
import type { Descriptor, OpenBlob } from './types.js';

/** The only digest form this tool reads or writes: sha256 as 64 lower-case hex digits. */
export const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

/** `sha256:<hex>` of exactly these bytes. */
export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The hex part of a sha256 digest; anything else (another algorithm, `..`) is refused. */
export function digestHex(digest: string, where: string): string {
  if (!SHA256_DIGEST.test(digest))
    throw new UserInputError(`${where} names the digest ${JSON.stringify(digest)}, not sha256`, {
      hint: 'Only sha256:<64 hex digits> digests are supported; check that the content is what this tool wrote.',
    });
  return digest.slice('sha256:'.length);
}

export interface DigestCheckOptions {
  /** What the bytes must be. */
  readonly descriptor: Pick<Descriptor, 'digest' | 'size'>;
  /** Where they come from, for the message: `bundle ./site/images`, a registry URL. */
  readonly source: string;
  /** Bytes before the first one that flows through (a resumed read); default 0. */
  readonly offset?: number;
  /**
   * A hash already fed the first `offset` bytes. Without it a resumed read is held to its size
   * only, and whoever holds the whole blob must check its digest.
   */
  readonly hash?: Hash;
  /** Called with the bytes seen so far (offset included) as they pass. */
  readonly onBytes?: (bytes: number) => void;
}

export function integrityMismatch(
  digest: string,
  source: string,
  what: string,
  hint = 'The source holds other bytes than its manifest names: fetch it again, or rebuild the bundle.',
): IntegrityError {
  return new IntegrityError(`blob ${digest} from ${source} ${what}`, { hint });
}

/** A pass-through that counts and hashes; it fails the stream when size or digest differ. */
export function createDigestCheck(options: DigestCheckOptions): Transform {
  const { descriptor, source } = options;
  const offset = options.offset ?? 0;
  const hash = offset === 0 ? (options.hash ?? createHash('sha256')) : options.hash;
  let seen = offset;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > descriptor.size) {
        callback(
          integrityMismatch(descriptor.digest, source, `is longer than ${descriptor.size} bytes`),
        );
        return;
      }
      hash?.update(chunk);
      options.onBytes?.(seen);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      if (seen !== descriptor.size) {
        callback(
          integrityMismatch(
            descriptor.digest,
            source,
            `ended after ${seen} of ${descriptor.size} bytes`,
          ),
        );
        return;
      }
      const actual = hash ? `sha256:${hash.digest('hex')}` : undefined;
      if (actual !== undefined && actual !== descriptor.digest) {
        callback(integrityMismatch(descriptor.digest, source, `hashes to ${actual}`));
        return;
      }
      callback();
    },
  });
}

/**
 * Wraps a source's OpenBlob so that what it yields is checked on the way: the copy engine hands
 * this to a destination, so no destination has to trust a source.
 */
export function checkedBlob(
  open: OpenBlob,
  descriptor: Pick<Descriptor, 'digest' | 'size'>,
  source: string,
): OpenBlob {
  return async (offset, signal) => {
    const stream = await open(offset, signal);
    const check = createDigestCheck({ descriptor, source, offset });
    // Errors of the source stream (a reset, a missing file) reach the reader as themselves.
    stream.on('error', (error) => check.destroy(error));
    check.on('close', () => {
      if (!stream.destroyed) stream.destroy();
    });
    return stream.pipe(check);
  };
}
