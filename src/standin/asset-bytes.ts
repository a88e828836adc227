// The bytes of every asset: an AES-256-CTR keystream keyed by (schematic id, version, path).
// Deterministic, incompressible like a real image, seekable (CTR counters start anywhere, which
// /cdn ranges need), and fast enough (GB/s with AES-NI) that the stand-in is never the bottleneck.
import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { formatVersion, parseVersion } from './semver.js';

const CHUNK = 1024 * 1024;
const AES_BLOCK = 16;
const ZEROS = Buffer.alloc(CHUNK);

function keyFor(id: string, version: string, path: string): Buffer {
  const parsed = parseVersion(version);
  // `1.12.0` and `v1.12.0` name the same asset, so they must give the same bytes.
  const canonicalVersion = parsed ? formatVersion(parsed) : version;
  return createHash('sha256')
    .update(`talos-release stand-in asset\0${id}\0${canonicalVersion}\0${path}`)
    .digest();
}

function counterBlock(blockIndex: bigint): Buffer {
  const iv = Buffer.alloc(AES_BLOCK);
  iv.writeBigUInt64BE(blockIndex >> 64n, 0);
  iv.writeBigUInt64BE(blockIndex & 0xffffffffffffffffn, 8);
  return iv;
}

/** The bytes [start, size) of the asset (id, version, path) of `size` bytes, streamed in 1 MiB chunks. */
export function imageContent(
  id: string,
  version: string,
  path: string,
  size: number,
  start = 0,
): Readable {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`bad asset size ${size}`);
  if (!Number.isSafeInteger(start) || start < 0 || start > size) {
    throw new RangeError(`bad start offset ${start} for an asset of ${size} bytes`);
  }
  const cipher = createCipheriv(
    'aes-256-ctr',
    keyFor(id, version, path),
    counterBlock(BigInt(Math.floor(start / AES_BLOCK))),
  );
  let skip = start % AES_BLOCK;
  let remaining = size - start;
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      if (remaining === 0) {
        this.push(null);
        return;
      }
      const length = Math.min(CHUNK, remaining + skip);
      let chunk = cipher.update(length === CHUNK ? ZEROS : ZEROS.subarray(0, length));
      if (skip > 0) {
        chunk = chunk.subarray(skip);
        skip = 0;
      }
      remaining -= chunk.length;
      this.push(chunk);
    },
  });
}

/** The first `size` bytes of the same keystream, in memory: for small blobs built whole. */
export function contentBytes(id: string, version: string, path: string, size: number): Buffer {
  const cipher = createCipheriv('aes-256-ctr', keyFor(id, version, path), counterBlock(0n));
  return Buffer.concat([cipher.update(Buffer.alloc(size)), cipher.final()]);
}
