// SIGINT after the download, while the installer digest is resolved: exit 130, no release
// written, and the next run reuses the ISO it already has instead of downloading it again.
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { sha256sum } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const { standin, makeRepo } = useStandinAndRepos({ imageSize: 50_000 });
let repo: TempRepo;

describe('SIGINT while the installer digest is resolved', () => {
  it('exits 130 writing no release, and the next run reuses the downloaded ISO', async () => {
    repo = await makeRepo();
    standin.addFault({
      match: { method: 'HEAD', path: /\/manifests\// },
      fault: { kind: 'delay', ms: 60_000 },
      times: 1,
    });
    const before = await repo.snapshot();
    const run = startCli(releaseArgs(standin), { cwd: repo.root });
    await run.waitForOutput('> Resolving');
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    const after = await repo.snapshot();
    const added = [...after.keys()].filter((file) => !before.has(file));
    // Only the download itself stays, under artifacts/; nothing under releases/, no lock.
    expect(added.filter((file) => !file.startsWith('artifacts/'))).toEqual([]);
    for (const [file, content] of before) expect(after.get(file)).toBe(content);

    const from = standin.requests.length;
    const next = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(next.stderr).not.toContain('error:');
    expect(next.code).toBe(0);
    const downloads = standin.requests
      .slice(from)
      .filter((request) => request.method === 'GET' && request.url.endsWith('.iso'));
    expect(downloads).toEqual([]);
    const manifest = await repo.readJson<{ os: { iso: { localPath: string; sha256: string } } }>(
      'releases/0.1.0.json',
    );
    expect(manifest.os.iso.sha256).toBe(await sha256sum(repo.path(manifest.os.iso.localPath)));
  });
});
