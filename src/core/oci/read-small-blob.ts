// A small blob (a signature payload, a config) read whole through the same digest check a copy
// uses, for the few places that must look inside one.
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { checkedBlob } from './digest-check.js';
import type { Descriptor, OciSource } from './types.js';

export async function readSmallBlob(
  source: OciSource,
  descriptor: Descriptor,
  signal?: AbortSignal,
): Promise<Buffer> {
  const stream = await checkedBlob(
    source.blob(descriptor),
    descriptor,
    source.description,
  )(0, signal);
  const chunks: Buffer[] = [];
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(chunks);
}
