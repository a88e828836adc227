// `verify` on a version 2 release: a line per artifact naming the file, the sums file compared
// line by line, and with --online every URL and every installer digest, through the CLI.
import { appendFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useReleasedRepo } from './helpers/released-repo.js';
import { DISK, SUMS, readText, upgradeToV2 } from './helpers/v2-release.js';

const IMAGE_SIZE = 16 * 1024 + 5;
const release = useReleasedRepo({ imageSize: IMAGE_SIZE });

async function v2Copy() {
  const repo = await release.copy();
  await upgradeToV2(repo, IMAGE_SIZE);
  return repo;
}

interface Report {
  checks: { id: string; status: string; expected?: string; actual?: string }[];
}

describe('talos-release verify, manifest version 2', () => {
  it('checks every artifact and the sums file, one line each', async () => {
    const repo = await v2Copy();
    const result = await release.verify(repo);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(
      /^ok +artifacts\/\S+\.iso has the recorded size and SHA-256 \(artifacts\[0\]\)$/m,
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `^ok +artifacts/.*${DISK.replace(/\./g, '\\.')} has the recorded size and SHA-256 \\(artifacts\\[1\\]\\)$`,
        'm',
      ),
    );
    expect(result.stdout).toMatch(/^ok +releases\/0\.1\.0\.sha256sums lists every artifact/m);
  });

  it('exits 5 naming a damaged disk image and both values', async () => {
    const repo = await v2Copy();
    const manifest = await repo.readJson<{ artifacts: { localPath: string; sha256: string }[] }>(
      'releases/0.1.0.json',
    );
    await appendFile(repo.path(manifest.artifacts[1]!.localPath), 'x');
    const result = await release.verify(repo, '--json');
    expect(result.code).toBe(5);
    const check = (JSON.parse(result.stdout) as Report).checks.find(
      (c) => c.id === `artifact-file:${DISK}`,
    );
    expect(check?.status).toBe('fail');
    expect(check?.expected).toBe(`${IMAGE_SIZE} bytes, SHA-256 ${manifest.artifacts[1]!.sha256}`);
    expect(check?.actual).toMatch(new RegExp(`^${IMAGE_SIZE + 1} bytes, SHA-256 [0-9a-f]{64}$`));
  });

  it('exits 5 naming the line of a hand-edited sums file', async () => {
    const repo = await v2Copy();
    const [first, second] = (await readText(repo, SUMS)).split('\n');
    await writeFile(repo.path(SUMS), `${first}\n${'0'.repeat(64)}${second!.slice(64)}\n`);
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toContain(`${SUMS}:2 says ${'0'.repeat(64)} for `);
    expect(result.stdout).toContain(`but the manifest records ${second!.slice(0, 64)}`);
  });

  it('--online checks every URL and the installer digests per architecture', async () => {
    const repo = await v2Copy();
    const result = await release.verify(repo, '--online', '--json');
    expect(result.code, result.stdout).toBe(0);
    const online = (JSON.parse(result.stdout) as Report).checks
      .filter((c) => c.id.startsWith('factory-'))
      .map((c) => [c.id.replace(/:.*installer.*$/, ':<installer>'), c.status]);
    expect(online).toEqual([
      ['factory-artifact-size:metal-amd64.iso', 'pass'],
      [`factory-artifact-size:${DISK}`, 'pass'],
      ['factory-installer:<installer>', 'pass'],
      ['factory-extensions', 'pass'],
    ]);
  });
});
