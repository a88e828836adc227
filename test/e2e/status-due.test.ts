// `status` as a nightly CI job runs it: exit 0 while the channel's current release is current,
// 10 naming the new Talos patch once the factory lists one, 10 naming the schematic file once it
// is edited, and the usual exit codes for errors.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import type { CliResult } from './helpers/cli.js';
import { SCHEMATIC_PATH } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

// The newest stable version the stand-in lists, so only a change makes a release due.
const NEWEST = 'v1.13.9';
const e2e = useStandinAndRepos();

async function releasedRepo(factoryUrl: string): Promise<TempRepo> {
  const repo = await e2e.makeRepo();
  const args = ['--yes', '--factory-url', factoryUrl, '--talos-version', NEWEST];
  const result = await runCli([...args, '--app-version', '2.3.0'], { cwd: repo.root });
  if (result.code !== 0) throw new Error(`the release failed:\n${result.stderr}`);
  return repo;
}

const status = (repo: TempRepo, ...args: string[]): Promise<CliResult> =>
  runCli(['status', ...args], { cwd: repo.root });

async function schematicId(repo: TempRepo): Promise<string> {
  return (await repo.readJson<{ talos: { schematicId: string } }>('releases/0.1.0.json')).talos
    .schematicId;
}

describe('talos-release status', () => {
  it('exits 0 when nothing changed since the current release', async () => {
    const standin = await e2e.startStandin({ imageSize: 4096 });
    const repo = await releasedRepo(standin.url);
    const result = await status(repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `Channel stable: release 0.1.0 (Talos ${NEWEST}, schematic ${await schematicId(repo)})`,
      'Checked the schematic and the factory.',
      'Release 0.1.0 is current (exit 0).',
      '',
    ]);
  });

  it('exits 10 naming the new patch once the factory lists one', async () => {
    const standin = await e2e.startStandin({ imageSize: 4096 });
    const repo = await releasedRepo(standin.url);
    await standin.close();
    const later = await e2e.startStandin({ imageSize: 4096, extraVersions: ['v1.13.10'] });
    const result = await status(repo, '--factory-url', later.url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(10);
    expect(result.stdout.split('\n').slice(1)).toEqual([
      'Checked the schematic and the factory.',
      `  due:  Talos v1.13.10 is out (release 0.1.0 has ${NEWEST})`,
      'A new release is due (exit 10).',
      '',
    ]);
    const json = await status(repo, '--factory-url', later.url, '--json');
    expect(json.code).toBe(10);
    expect(JSON.parse(json.stdout)).toMatchObject({
      due: true,
      exitCode: 10,
      findings: [{ kind: 'talos-patch', due: true, subject: 'v1.13.10', from: NEWEST }],
    });
  });

  it('exits 10 naming the schematic file once it is edited, offline too', async () => {
    const standin = await e2e.startStandin({ imageSize: 4096 });
    const repo = await releasedRepo(standin.url);
    const text = await repo.read(SCHEMATIC_PATH);
    await writeFile(repo.path(SCHEMATIC_PATH), text.replace('net.ifnames=0', 'net.ifnames=1'));
    const before = standin.requests.length;
    const result = await status(repo, '--offline');
    expect(result.code).toBe(10);
    expect(standin.requests.length).toBe(before);
    expect(result.stdout).toMatch(
      /\n {2}due: {2}schematics\/metal-amd64\.yaml changed since release 0\.1\.0 \(schematic ID [0-9a-f]{64} → [0-9a-f]{64}\)\n/,
    );
    expect((await status(repo)).code).toBe(10);
  });

  it('exits 4, not 10, when the factory cannot be reached', async () => {
    const standin = await e2e.startStandin({ imageSize: 4096 });
    const repo = await releasedRepo(standin.url);
    await standin.close();
    const result = await status(repo);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: /);
  });
});
