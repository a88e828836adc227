// A local file-system refusal is exit 6 with the path and a next step, and no release written.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const DENIED_ARTIFACTS = fileURLToPath(new URL('./helpers/denied-artifacts.mjs', import.meta.url));

const { standin, makeRepo } = useStandinAndRepos({ imageSize: 4096 });
let repo: TempRepo;

describe('a release that may not write its artifacts', () => {
  it('exits 6 naming the directory, and writes no release', async () => {
    repo = await makeRepo();
    const before = await repo.snapshot();
    const result = await runCli(releaseArgs(standin), {
      cwd: repo.root,
      env: { NODE_OPTIONS: `--import ${DENIED_ARTIFACTS}` },
    });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain(repo.path('artifacts'));
    expect(result.stderr).toMatch(/^hint: /m);
    expect(await repo.snapshot()).toEqual(before);
  });

  it('exits 6, not 1, when a file stands where the artifacts directory goes', async () => {
    repo = await makeRepo();
    await writeFile(repo.path('artifacts'), 'a file where the directory should be\n');
    const before = await repo.snapshot();
    const result = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(result.stderr).not.toContain('This is a bug');
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('artifacts');
    expect(await repo.snapshot()).toEqual(before);
  });
});
