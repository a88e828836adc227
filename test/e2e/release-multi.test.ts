// A release of several targets and installers against the stand-in: every image hashed and
// recorded, every installer pinned with its per-architecture digests, a sums file that coreutils
// checks from the repository root, and bad target names refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { releaseArgs, requestsSince } from './helpers/release.js';
import { sha256sum, sha256sumCheck } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const IMAGE_SIZE = 64 * 1024 + 3;
const TARGETS = ['metal-amd64.iso', 'nocloud-amd64.iso', 'metal-arm64.iso'];

const { standin, startStandin, makeRepo } = useStandinAndRepos({ imageSize: IMAGE_SIZE });

interface Artifact {
  name: string;
  kind: string;
  url: string;
  localPath: string;
  sha256: string;
  size: number;
}
interface Installer {
  platform: string;
  image: string;
  digest?: string;
  architectures: { architecture: string; digest: string }[];
}
interface Manifest {
  manifestVersion: number;
  os: { iso: { localPath: string; sha256: string }; installer: { image: string; digest?: string } };
  artifacts: Artifact[];
  installers: Installer[];
}

const targetFlags = (names: readonly string[]): string[] => names.flatMap((n) => ['--target', n]);

describe('talos-release --yes with several targets', () => {
  it('records every artifact hashed and the installer with both architecture digests', async () => {
    const repo = await makeRepo();
    const args = releaseArgs(standin, ...targetFlags(TARGETS), '--installer', 'metal');
    const result = await runCli(args, { cwd: repo.root });
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);

    const manifest = await repo.readJson<Manifest>('releases/0.1.0.json');
    expect(manifest.manifestVersion).toBe(2);
    expect(manifest.artifacts.map((a) => a.name)).toEqual(TARGETS);
    for (const artifact of manifest.artifacts) {
      expect(artifact.size).toBe(IMAGE_SIZE);
      expect(artifact.sha256).toBe(await sha256sum(repo.path(artifact.localPath)));
      expect(result.stdout).toContain(artifact.sha256);
    }
    // Same bytes would make the test blind to a mix-up: each asset has its own.
    expect(new Set(manifest.artifacts.map((a) => a.sha256)).size).toBe(3);
    expect(manifest.os.iso.localPath).toBe(manifest.artifacts[0]?.localPath);

    expect(manifest.installers).toHaveLength(1);
    const [installer] = manifest.installers;
    expect(installer?.platform).toBe('metal');
    expect(installer?.digest).toBe(manifest.os.installer.digest);
    expect(installer?.architectures.map((a) => a.architecture)).toEqual(['amd64', 'arm64']);
    for (const arch of installer?.architectures ?? []) expect(arch.digest).toMatch(/^sha256:/);

    const check = await sha256sumCheck('releases/0.1.0.sha256sums', repo.root);
    for (const artifact of manifest.artifacts) expect(check).toContain(`${artifact.localPath}: OK`);
  });

  it('prints every URL and installer reference in a dry run, offline', async () => {
    const repo = await makeRepo();
    const from = standin.requests.length;
    const args = [
      ...releaseArgs(standin, ...targetFlags(['metal-amd64.iso', 'nocloud-amd64.raw.xz'])),
      '--installer',
      'metal',
      '--installer',
      'nocloud',
      '--dry-run',
    ].filter((arg) => arg !== '--yes');
    const result = await runCli(args, { cwd: repo.root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\/image\/[0-9a-f]{64}\/v1\.12\.4\/nocloud-amd64\.raw\.xz/);
    expect(result.stdout).toMatch(/metal-installer\/[0-9a-f]{64}:v1\.12\.4/);
    expect(result.stdout).toMatch(/nocloud-installer\/[0-9a-f]{64}:v1\.12\.4/);
    expect(requestsSince(standin, from)).toEqual([]);
  });

  it.each([
    ['metl-amd64.iso', 'metal-amd64.iso'],
    ['metal-amd46.iso', 'metal-amd64.iso'],
    ['metal-amd64.raw.zts', 'metal-amd64.raw.zst'],
  ])('refuses the target %s with the nearest name (%s), sending nothing', async (bad, near) => {
    const repo = await makeRepo();
    const from = standin.requests.length;
    const result = await runCli(releaseArgs(standin, '--target', bad), { cwd: repo.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(bad);
    expect(result.stderr).toContain(`Did you mean ${near}?`);
    expect(requestsSince(standin, from)).toEqual([]);
  });

  it.each([
    [['metal-amd64-secureboot.iso'], 'v1.4.0', 'Talos 1.5'],
    [['metal-amd64.iso', 'metal-amd64.raw.zst'], 'v1.7.0', 'Talos 1.8'],
    [['metal-amd64.iso', 'metal-arm64.raw.xz'], 'v1.12.4', 'overlay'],
    [['metal-amd64.iso', 'metal-amd64.iso'], 'v1.12.4', 'named twice'],
    [['cmdline-metal-amd64'], 'v1.12.4', 'not an image'],
    [['nocloud-amd64.raw.xz'], 'v1.12.4', 'needs at least one ISO'],
  ])('refuses %j at %s before anything is sent', async (targets, version, reason) => {
    const repo = await makeRepo();
    const from = standin.requests.length;
    const args = releaseArgs(standin, ...targetFlags(targets)).map((arg) =>
      arg === 'v1.12.4' ? version : arg,
    );
    const result = await runCli(args, { cwd: repo.root });
    expect(result.stderr).toContain(reason);
    expect(result.code).toBe(2);
    const sent = requestsSince(standin, from).filter((r) => !r.startsWith('GET /version'));
    expect(sent).toEqual([]);
  });

  it('resumes the one stream that was reset and keeps the others whole', async () => {
    const faulty = await startStandin({
      imageSize: 256 * 1024,
      imageDelivery: 'redirect',
      faults: [
        {
          match: { method: 'GET', path: /nocloud-amd64\.iso$/ },
          fault: { kind: 'reset', afterBytes: 96 * 1024 },
          times: 1,
        },
      ],
    });
    const repo = await makeRepo();
    const result = await runCli(releaseArgs(faulty, ...targetFlags(TARGETS)), { cwd: repo.root });
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    const ranged = faulty.requests.filter((r) => r.headers['range'] !== undefined);
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((r) => r.url.endsWith('nocloud-amd64.iso'))).toBe(true);
    expect(result.stderr).toMatch(/nocloud-amd64\.iso: resuming the partial download/);
    const check = await sha256sumCheck('releases/0.1.0.sha256sums', repo.root);
    expect(check.match(/: OK/g)).toHaveLength(3);
  });
});
