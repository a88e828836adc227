// The digest check on its own: a byte changed, one missing or one extra fails the stream (exit 5,
// naming the digest and where it came from); the right bytes pass untouched.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/core/errors.js';
import { createDigestCheck, sha256Digest } from '../../../src/core/oci/index.js';

async function through(bytes: Buffer, digest: string, size: number): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]),
    createDigestCheck({ descriptor: { digest, size }, source: 'the test' }),
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

describe('the digest check', () => {
  const good = Buffer.from('installer bytes');
  const digest = sha256Digest(good);

  it('passes the right bytes through unchanged', async () => {
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await through(good, digest, good.length)).equals(good)).toBe(true);
  });

  it.each([
    ['a changed byte', Buffer.from('installer bytez'), /hashes to sha256:/],
    ['a short body', Buffer.from('installer'), /ended after 9 of 15 bytes/],
    ['a long body', Buffer.from('installer bytes!'), /longer than 15 bytes/],
  ])('fails on %s with exit 5, naming digest and source', async (_what, bytes, words) => {
    const error = await through(bytes, digest, good.length).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).exitCode).toBe(5);
    expect((error as Error).message).toMatch(words);
    expect((error as Error).message).toContain(`${digest} from the test`);
  });
});
