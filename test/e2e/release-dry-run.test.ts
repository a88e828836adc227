// --dry-run shows everything a release would submit and write, and changes nothing. With an
// exact Talos version it needs no network at all; with a selector it only reads.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { APP_VERSION, requestsSince } from './helpers/release.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const { standin, makeRepo } = useStandinAndRepos({ imageSize: 4096 });
let repo: TempRepo;

function dryRunArgs(talosVersion: string, ...extra: string[]): string[] {
  return [
    '--dry-run',
    '--talos-version',
    talosVersion,
    '--app-version',
    APP_VERSION,
    '--factory-url',
    standin.url,
    ...extra,
  ];
}

describe('talos-release --dry-run', () => {
  it('with an exact version, sends no request at all and writes nothing', async () => {
    repo = await makeRepo();
    const before = await repo.snapshot();
    const from = standin.requests.length;
    const result = await runCli(dryRunArgs('v1.12.4'), { cwd: repo.root });
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(requestsSince(standin, from)).toEqual([]);
    expect(await repo.snapshot()).toEqual(before);

    const id = /schematic ID:\s+([0-9a-f]{64})/.exec(result.stdout)?.[1] ?? '';
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    // The normal form: the extensions, sorted, and the kernel arguments as written.
    expect(result.stdout).toContain('officialExtensions:');
    expect(result.stdout).toContain('- console=ttyS0,115200n8');
    expect(result.stdout).toContain(`${standin.url}/image/${id}/v1.12.4/metal-amd64.iso`);
    expect(result.stdout).toContain(`${new URL(standin.url).host}/metal-installer/${id}:v1.12.4`);
    expect(result.stdout).toContain('"releaseVersion": "0.1.0"');
    expect(result.stdout).toMatch(/"sha256": "\(pending/);
    expect(result.stdout).toMatch(/"digest": "\(pending/);
  });

  it('with a selector, only reads from the factory', async () => {
    repo = await makeRepo();
    const before = await repo.snapshot();
    const from = standin.requests.length;
    const result = await runCli(dryRunArgs('1.12'), { cwd: repo.root });
    expect(result.code).toBe(0);
    const seen = requestsSince(standin, from);
    expect(seen).toContain('GET /versions');
    expect(seen.filter((line) => !line.startsWith('GET '))).toEqual([]);
    expect(seen.filter((line) => line.includes('/image/'))).toEqual([]);
    expect(await repo.snapshot()).toEqual(before);
  });

  it('with --json, prints the plan as one result object', async () => {
    repo = await makeRepo();
    const result = await runCli(dryRunArgs('v1.12.4', '--json'), { cwd: repo.root });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const final = lines.at(-1) ?? {};
    expect(final).toMatchObject({
      event: 'result',
      dryRun: true,
      manifestPath: 'releases/0.1.0.json',
    });
    expect(final['schematicId']).toMatch(/^[0-9a-f]{64}$/);
    expect(final['isoUrl']).toContain(String(final['schematicId']));
  });

  it('with --extensions, shows the new set but leaves the schematic file alone', async () => {
    repo = await makeRepo();
    const before = await repo.snapshot();
    const result = await runCli(dryRunArgs('v1.12.4', '--extensions', 'siderolabs/gvisor'), {
      cwd: repo.root,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- siderolabs/gvisor');
    expect(result.stdout).not.toContain('siderolabs/amd-ucode');
    expect(await repo.snapshot()).toEqual(before);
  });
});
