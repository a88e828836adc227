// `verify --online`: the factory must still serve what the release recorded. A factory that now
// serves something else is a disagreement (exit 5); one that cannot be reached is exit 4.
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningStandin, StandinOptions } from '../../src/standin/types.js';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const MANIFEST = 'releases/0.1.0.json';
const IMAGE_SIZE = 20_000;

const { startStandin, makeRepo } = useStandinAndRepos();
let standin: RunningStandin | undefined;
let repo: TempRepo | undefined;

afterEach(() => {
  standin = undefined;
  repo = undefined;
});

async function releasedRepo(
  options: Omit<StandinOptions, 'imageSize'> = {},
): Promise<{ repo: TempRepo; port: number }> {
  standin = await startStandin({ imageSize: IMAGE_SIZE, ...options });
  repo = await makeRepo();
  const result = await runCli(releaseArgs(standin), { cwd: repo.root });
  if (result.code !== 0) throw new Error(`the release to verify failed:\n${result.stderr}`);
  return { repo, port: Number(new URL(standin.url).port) };
}

describe('talos-release verify --online', () => {
  it('passes while the factory serves the same ISO size, installer and extension digests', async () => {
    const { repo } = await releasedRepo();
    const result = await runCli(['verify', MANIFEST, '--online', '--json'], { cwd: repo.root });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { checks: { id: string; status: string }[] };
    const manifestInstaller = (
      await repo.readJson<{ os: { installer: { image: string } } }>(MANIFEST)
    ).os.installer.image;
    const online = report.checks.filter((check) => check.id.startsWith('factory-'));
    expect(online.map((check) => [check.id, check.status])).toEqual([
      ['factory-artifact-size:metal-amd64.iso', 'pass'],
      [`factory-installer:${manifestInstaller}`, 'pass'],
      ['factory-extensions', 'pass'],
    ]);
  });

  it('exits 5 naming the extension whose recorded digest the catalogue no longer lists', async () => {
    const { repo } = await releasedRepo();
    const manifest = await repo.readJson<{
      talos: { extensions: { name: string; digest: string }[] };
    }>(MANIFEST);
    const [first] = manifest.talos.extensions;
    if (!first) throw new Error('the test release should carry an extension');
    const edited = `sha256:${'e'.repeat(64)}`;
    const original = first.digest;
    first.digest = edited;
    await writeFile(repo.path(MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    // Offline nothing can tell: the digest is only checked against the factory.
    expect((await runCli(['verify', MANIFEST], { cwd: repo.root })).code).toBe(0);
    const result = await runCli(['verify', MANIFEST, '--online'], { cwd: repo.root });
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/^FAIL the factory's catalogue lists every extension/m);
    expect(result.stdout).toContain(`${first.name}`);
    expect(result.stdout).toContain(`recorded ${edited}, served ${original}`);
  });

  it('follows the factory to its installer registry and its token challenge (redirect mode)', async () => {
    const { repo } = await releasedRepo({ registryMode: 'redirect', imageDelivery: 'redirect' });
    const from = standin?.requests.length ?? 0;
    const result = await runCli(['verify', MANIFEST, '--online'], { cwd: repo.root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^ok +the factory serves installers\[0\] at the recorded digests/m,
    );
    const servers = new Set(standin?.requests.slice(from).map((request) => request.server));
    expect(servers).toContain('registry');
  });

  it('exits 5 naming both sizes when the factory now serves a different ISO', async () => {
    const { repo, port } = await releasedRepo();
    const { talos } = await repo.readJson<{ talos: { schematic: string } }>(MANIFEST);
    await standin?.close();
    // The same address and schematic, now answering with another build of the ISO.
    standin = await startStandin({
      port,
      imageSize: IMAGE_SIZE + 1,
      schematics: [talos.schematic],
    });
    const result = await runCli(['verify', MANIFEST, '--online'], { cwd: repo.root });
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL the factory serves metal-amd64\.iso at the recorded size/);
    expect(result.stdout).toContain(`${IMAGE_SIZE} bytes`);
    expect(result.stdout).toContain(`${IMAGE_SIZE + 1} bytes`);
  });

  it('exits 4 when the factory cannot be reached, after the offline checks passed', async () => {
    const { repo } = await releasedRepo();
    await standin?.close();
    standin = undefined;
    const result = await runCli(['verify', MANIFEST, '--online'], { cwd: repo.root });
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^ok .*os\.iso\.sha256/m);
    expect(result.stdout).toMatch(/^FAIL the factory serves metal-amd64\.iso/m);
    // Offline, the same release verifies.
    expect((await runCli(['verify', MANIFEST], { cwd: repo.root })).code).toBe(0);
  });
});
