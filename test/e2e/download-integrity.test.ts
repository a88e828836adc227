// Headless releases over partial downloads the tool did not write (issue 10): foreign bytes in a
// .part never reach the released ISO, and a .part that is a dangling symlink is exit 6 with the
// path and a hint, never a stack trace.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandin } from '../../src/standin/server.js';
import type { RunningStandin } from '../../src/standin/types.js';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { makeRepo } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';

interface WrittenManifest {
  readonly os: { readonly iso: { readonly localPath: string; readonly sha256: string } };
}

let standin: RunningStandin;
let repo: TempRepo;

beforeAll(async () => {
  // Redirect delivery: the CDN honours Range, so a trusted .part would be resumed.
  standin = await startStandin({ imageSize: 64 * 1024, imageDelivery: 'redirect' });
});
afterAll(() => standin.close());
afterEach(() => repo?.remove());

/** Releases once and clears everything but the schematic, so the ISO's file name is known. */
async function isoPathOfAFirstRelease(): Promise<{ iso: string; sha256: string }> {
  const first = await runCli(releaseArgs(standin), { cwd: repo.root });
  expect(first.code).toBe(0);
  const manifest = await repo.readJson<WrittenManifest>('releases/0.1.0.json');
  await rm(repo.path('releases'), { recursive: true, force: true });
  await rm(repo.path('artifacts'), { recursive: true, force: true });
  return { iso: repo.path(manifest.os.iso.localPath), sha256: manifest.os.iso.sha256 };
}

describe('a release over a .part the tool did not write', () => {
  it('downloads the ISO afresh instead of splicing the factory tail onto foreign bytes', async () => {
    repo = await makeRepo();
    const { iso, sha256 } = await isoPathOfAFirstRelease();
    await mkdir(repo.path('artifacts'), { recursive: true });
    await writeFile(`${iso}.part`, Buffer.alloc(10_000, 0x58));
    const from = standin.requests.length;

    const second = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(second.code).toBe(0);
    const manifest = await repo.readJson<WrittenManifest>('releases/0.1.0.json');
    expect(manifest.os.iso.sha256).toBe(sha256);
    expect(standin.requests.slice(from).some((request) => request.headers['range'])).toBe(false);
    expect(second.stderr).toMatch(/cannot vouch/);
  });

  it('exits 6 with the path and a hint when the .part is a dangling symlink', async () => {
    repo = await makeRepo();
    const { iso } = await isoPathOfAFirstRelease();
    await mkdir(repo.path('artifacts'), { recursive: true });
    await symlink(repo.path('nowhere', 'target.bin'), `${iso}.part`);

    const result = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(result.stderr).not.toContain('This is a bug');
    expect(result.code).toBe(6);
    expect(result.stderr).toContain(`${iso}.part`);
    expect(result.stderr).toMatch(/^hint: .*link/m);
  });
});
