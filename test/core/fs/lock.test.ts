import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { LOCK_FILE_NAME, acquireRepositoryLock } from '../../../src/core/fs/lock.js';

describe('acquireRepositoryLock', () => {
  it('refuses a second holder and names the first', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tr-lock-'));
    const lock = await acquireRepositoryLock(root, 'talos-release --yes');
    const failure = await acquireRepositoryLock(root, 'talos-release --yes').catch((e) => e);
    expect(failure).toBeInstanceOf(UserInputError);
    expect(String((failure as Error).message)).toContain(`process ${process.pid}`);
    expect((failure as UserInputError).hint).toContain(LOCK_FILE_NAME);
    await lock.release();
    await expect(stat(join(root, LOCK_FILE_NAME))).rejects.toThrow();
  });

  it('takes over a lock whose process no longer exists', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tr-lock-'));
    const finished = spawnSync(process.execPath, ['-e', '0']);
    const stale = { pid: finished.pid, host: hostname(), startedAt: 'earlier', command: 'crashed' };
    await writeFile(join(root, LOCK_FILE_NAME), JSON.stringify(stale));
    const lock = await acquireRepositoryLock(root, 'new run');
    const holder = JSON.parse(await readFile(lock.path, 'utf8'));
    expect(holder.pid).toBe(process.pid);
    await lock.release();
  });
});

describe('a lock file no run of ours wrote', () => {
  it('is treated as stale, and the takeover says so', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tr-lock-'));
    await writeFile(join(root, LOCK_FILE_NAME), '{}');
    const lock = await acquireRepositoryLock(root, 'new run');
    expect(lock.tookOver).toContain('not a valid lock file');
    expect(lock.tookOver).not.toContain('undefined');
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });
});
