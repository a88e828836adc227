import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { imageContent } from '../../src/standin/asset-bytes.js';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const ID = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';

describe('imageContent', () => {
  it('streams exactly the requested size, across several 1 MiB chunks', async () => {
    const size = 3 * 1024 * 1024 + 123;
    const bytes = await collect(imageContent(ID, 'v1.12.0', 'metal-amd64.iso', size));
    expect(bytes.length).toBe(size);
  });

  it('gives the same bytes for the same asset and different bytes for another path', async () => {
    const first = await collect(imageContent(ID, 'v1.12.0', 'metal-amd64.iso', 4096));
    const again = await collect(imageContent(ID, '1.12.0', 'metal-amd64.iso', 4096));
    const other = await collect(imageContent(ID, 'v1.12.0', 'metal-arm64.iso', 4096));
    expect(again.equals(first)).toBe(true);
    expect(other.equals(first)).toBe(false);
  });

  it('starts at any offset with the same bytes as the tail of the whole asset', async () => {
    const size = 1024 * 1024 + 50_000;
    const whole = await collect(imageContent(ID, 'v1.12.0', 'kernel-amd64', size));
    for (const start of [0, 1, 15, 16, 17, 1024 * 1024 - 3, size - 1, size]) {
      const tail = await collect(imageContent(ID, 'v1.12.0', 'kernel-amd64', size, start));
      expect(tail.equals(whole.subarray(start)), `offset ${start}`).toBe(true);
    }
  });

  it('looks random, not like a repeated pattern (a client cannot pass by accident)', async () => {
    const bytes = await collect(imageContent(ID, 'v1.12.0', 'metal-amd64.iso', 2 * 1024 * 1024));
    const firstMiB = createHash('sha256')
      .update(bytes.subarray(0, 1024 * 1024))
      .digest('hex');
    const secondMiB = createHash('sha256')
      .update(bytes.subarray(1024 * 1024))
      .digest('hex');
    expect(firstMiB).not.toBe(secondMiB);
    const zeros = bytes.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
    // About 1/256 of uniformly random bytes are zero.
    expect(zeros / bytes.length).toBeGreaterThan(0.002);
    expect(zeros / bytes.length).toBeLessThan(0.006);
  });

  it('rejects an offset beyond the end', () => {
    expect(() => imageContent(ID, 'v1.12.0', 'kernel-amd64', 10, 11)).toThrow(RangeError);
  });
});
