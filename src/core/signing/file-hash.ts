// BLAKE2b-512 of a file, streamed, so signing a multi-GiB image keeps memory flat: the message
// a prehashed (`ED`) minisign signature is over.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

export async function blake2b512OfFile(path: string, signal?: AbortSignal): Promise<Buffer> {
  const hash = createHash('blake2b512');
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash, {
    ...(signal ? { signal } : {}),
  });
  return hash.digest();
}

/** minisign refuses legacy (non-prehashed) signatures of files above 1 GiB; so do we. */
export const LEGACY_MAX_BYTES = 1 << 30;

export function readWholeFile(path: string): Promise<Buffer> {
  return readFile(path);
}
