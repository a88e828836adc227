// Ctrl-C in CI (SIGINT) during the download: exit 130, nothing written but the resumable .part,
// and the next run picks the download up where it stopped and finishes the release.
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { sha256sum } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { waitUntil } from './helpers/wait.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const IMAGE_SIZE = 256 * 1024;
const STALL_AFTER = 100_000;

// Redirect delivery: the CDN honours Range, so the second run can resume.
const { standin, makeRepo } = useStandinAndRepos({
  imageSize: IMAGE_SIZE,
  imageDelivery: 'redirect',
});
let repo: TempRepo;

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    () => 0,
  );
}

describe('SIGINT during the download', () => {
  it('exits 130 keeping the .part, and the next run resumes and completes', async () => {
    repo = await makeRepo();
    standin.addFault({
      match: { method: 'GET', path: /^\/cdn\// },
      fault: { kind: 'stall', afterBytes: STALL_AFTER },
      times: 1,
    });
    const before = await repo.snapshot();
    const first = startCli(releaseArgs(standin), { cwd: repo.root });
    await first.waitForOutput('> Downloading');
    const artifacts = repo.path('artifacts');
    let partPath = '';
    await waitUntil(async () => {
      const files = (await repo.files()).filter((file) => file.endsWith('.iso.part'));
      partPath = files[0] ? repo.path(files[0]) : '';
      return partPath !== '' && (await sizeOf(partPath)) >= STALL_AFTER;
    }, `a .part of ${STALL_AFTER} bytes under ${artifacts}`);
    first.child.kill('SIGINT');
    const interrupted = await first.done;

    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/cancel/i);
    const after = await repo.snapshot();
    const added = [...after.keys()].filter((file) => !before.has(file));
    // Only the resumable partial download (and what guards its resume) is new.
    expect(added).toContain(partPath.slice(repo.root.length + 1));
    expect(added.filter((file) => !/^artifacts\/[^/]+\.part$/.test(file))).toEqual([]);
    expect(await sizeOf(partPath)).toBe(STALL_AFTER);
    for (const [file, content] of before) expect(after.get(file)).toBe(content);

    const second = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(second.stderr).not.toContain('error:');
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/resum/i);
    const manifest = await repo.readJson<{
      os: { iso: { localPath: string; sha256: string; size: number } };
    }>('releases/0.1.0.json');
    expect(manifest.os.iso.size).toBe(IMAGE_SIZE);
    expect(manifest.os.iso.sha256).toBe(await sha256sum(repo.path(manifest.os.iso.localPath)));
    expect(await repo.files()).not.toContainEqual(expect.stringMatching(/\.part$/));
    // The second run asked only for the bytes it did not have.
    const ranges = standin.requests
      .filter((request) => request.url.startsWith('/cdn/'))
      .map((request) => request.headers['range']);
    expect(ranges).toContain(`bytes=${STALL_AFTER}-`);
  });
});
