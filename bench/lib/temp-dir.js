// Large downloads go to a directory of their own that is removed afterwards, even on failure,
// so an interrupted benchmark never leaves gigabytes behind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @template T
 * @param {string | undefined} base  BENCH_TMPDIR, or the system temp directory
 * @param {(dir: string) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withTempDir(base, use) {
  const dir = await mkdtemp(join(base ?? tmpdir(), 'talos-release-bench-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
