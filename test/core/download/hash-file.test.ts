import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFile } from '../../../src/core/download/hash-file.js';
import { nodeFileSystem } from '../../../src/core/download/node-file-system.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'talos-hash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('re-hashing a partial file before resuming', () => {
  it('gives a hash that, fed the remaining bytes, equals the hash of the whole file', async () => {
    const whole = randomBytes(3 * 1024 * 1024 + 17);
    const cut = 1024 * 1024 + 5;
    const part = join(dir, 'image.iso.part');
    await writeFile(part, whole.subarray(0, cut));

    const { hash, size } = await hashFile(nodeFileSystem, part);
    hash.update(whole.subarray(cut));

    expect(size).toBe(cut);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(whole).digest('hex'));
  });
});
