// --extensions replaces the schematic's extension set, and the schematic file is updated to
// match: comments and formatting kept, and the ID recomputed from it agrees with the manifest.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { SCHEMATIC_PATH } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const { standin, makeRepo } = useStandinAndRepos({ imageSize: 4096 });
let repo: TempRepo;

describe('--extensions', () => {
  it('replaces the extension set and updates the schematic file, keeping its comments', async () => {
    repo = await makeRepo();
    const original = await repo.read(SCHEMATIC_PATH);
    const comments = original.split('\n').filter((line) => line.trimStart().startsWith('#'));
    expect(comments.length).toBeGreaterThan(0);

    const result = await runCli(
      releaseArgs(standin, '--extensions', 'siderolabs/iscsi-tools,siderolabs/gvisor'),
      { cwd: repo.root },
    );
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);

    const updated = await repo.read(SCHEMATIC_PATH);
    for (const comment of comments) expect(updated).toContain(comment);
    expect(updated).toContain('console=ttyS0,115200n8');
    expect(updated).toMatch(/- siderolabs\/gvisor\n\s*- siderolabs\/iscsi-tools/);
    expect(updated).not.toContain('siderolabs/amd-ucode');

    const manifest = await repo.readJson<{
      talos: { schematic: string; extensions: { name: string }[] };
    }>('releases/0.1.0.json');
    expect(manifest.talos.extensions.map((entry) => entry.name)).toEqual([
      'siderolabs/gvisor',
      'siderolabs/iscsi-tools',
    ]);
    // The updated file is the schematic of record: verify recomputes the same ID from it.
    const verify = await runCli(['verify', 'releases/0.1.0.json'], { cwd: repo.root });
    expect(verify.code).toBe(0);
  });
});
