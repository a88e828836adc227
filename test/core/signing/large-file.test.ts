// Signing a GiB image must not hold it in memory: the file is hashed as a stream (prehashed
// `ED`), so resident memory stays flat, and the real minisign still accepts the signature.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, parseSecretKey, signFile } from '../../../src/core/signing/index.js';

const HAS_MINISIGN = spawnSync('minisign', ['-v']).status === 0;
const GIB = 1024 ** 3;

describe.skipIf(!HAS_MINISIGN)('signing a 1 GiB file (needs /usr/bin/minisign)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signing-large-'));
    // Sparse: no disk is used, but every byte is read and hashed.
    await writeFile(join(dir, 'image.raw'), '');
    await truncate(join(dir, 'image.raw'), GIB);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps resident memory flat and minisign -V accepts the signature', async () => {
    const pair = await generateKeyPair();
    const key = await parseSecretKey(pair.secretKeyFile);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const signature = await signFile(join(dir, 'image.raw'), key).finally(() =>
      clearInterval(sampler),
    );
    expect(peak - before).toBeLessThan(64 * 1024 ** 2);
    await writeFile(join(dir, 'image.raw.minisig'), signature);
    const checked = spawnSync('minisign', ['-V', '-P', pair.publicKeyLine, '-m', 'image.raw'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(checked.status, checked.stderr).toBe(0);
  }, 60_000);
});
