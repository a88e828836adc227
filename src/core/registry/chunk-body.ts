// One PATCH body: exactly `length` bytes of a blob from `offset`, read as they are sent, so memory
// stays flat whatever the blob size. The source is closed as soon as the chunk is complete.
import { Readable } from 'node:stream';
import { IntegrityError } from '../errors.js';
import type { OpenBlob } from '../oci/index.js';

async function* take(
  source: Readable,
  length: number,
  digest: string,
  offset: number,
): AsyncGenerator<Buffer> {
  let remaining = length;
  try {
    for await (const chunk of source) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      if (buffer.length >= remaining) {
        yield buffer.subarray(0, remaining);
        remaining = 0;
        break;
      }
      yield buffer;
      remaining -= buffer.length;
    }
  } finally {
    source.destroy();
  }
  if (remaining > 0) {
    throw new IntegrityError(
      `the source of blob ${digest} ended ${remaining} bytes short of the chunk at offset ${offset}`,
      { hint: 'The local copy is shorter than its descriptor says: check or re-create it.' },
    );
  }
}

export async function chunkBody(
  open: OpenBlob,
  digest: string,
  offset: number,
  length: number,
  signal?: AbortSignal,
): Promise<Readable> {
  const source = await open(offset, signal);
  return Readable.from(take(source, length, digest, offset), { objectMode: false });
}
