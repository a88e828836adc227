// A full headless release against the stand-in, as CI would cut one, then `verify` on what it
// wrote: the recorded hash must be the file's real SHA-256, computed by coreutils.
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SCRIPT, runCli, runCliInTerminal } from './helpers/cli.js';
import { releaseArgs, TALOS_VERSION } from './helpers/release.js';
import { sha256sum, sha256sumCheck } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const IMAGE_SIZE = 96 * 1024 + 7;

const { standin, makeRepo } = useStandinAndRepos({ imageSize: IMAGE_SIZE });
let repo: TempRepo;

interface WrittenManifest {
  releaseVersion: string;
  $schema: string;
  talos: { version: string; schematicId: string; schematic: string };
  os: {
    iso: { url: string; localPath: string; sha256: string; size: number };
    installer: { image: string; digest?: string };
  };
  app: { version: string };
}

describe('talos-release --yes', () => {
  it('cuts a release that verify accepts, with the real SHA-256 of the ISO recorded', async () => {
    repo = await makeRepo();
    const result = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);

    const manifest = await repo.readJson<WrittenManifest>('releases/0.1.0.json');
    expect(manifest.$schema).toBe('./schema.json');
    // The schema the manifest points at is there, so editors can check the file.
    const schema = await repo.readJson<{ properties?: Record<string, unknown> }>(
      'releases/schema.json',
    );
    expect(Object.keys(schema.properties ?? {})).toContain('releaseVersion');
    expect(manifest.releaseVersion).toBe('0.1.0');
    expect(manifest.talos.version).toBe(TALOS_VERSION);
    expect(manifest.app.version).toBe('2.3.0');
    expect(manifest.os.iso.size).toBe(IMAGE_SIZE);
    expect(manifest.os.iso.sha256).toBe(await sha256sum(repo.path(manifest.os.iso.localPath)));
    expect(manifest.os.installer.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.stdout).toContain('releases/0.1.0.json');
    expect(result.stdout).toContain(manifest.os.iso.sha256);
    // Only the release itself is left behind: no lock, no temp files, no partial download.
    expect(await repo.files()).toEqual(
      [
        'releases/0.1.0.intoto.json',
        'releases/0.1.0.json',
        'releases/0.1.0.sha256sums',
        'releases/channels/stable.json',
        'releases/schema.json',
        manifest.os.iso.localPath,
        `${manifest.os.iso.localPath}.sha256`,
        'schematics/metal-amd64.yaml',
      ].sort(),
    );

    // The checksum file beside the ISO is in sha256sum's own format: coreutils can check it.
    const artifacts = repo.path(dirname(manifest.os.iso.localPath));
    const check = await sha256sumCheck(`${basename(manifest.os.iso.localPath)}.sha256`, artifacts);
    expect(check).toContain(`${basename(manifest.os.iso.localPath)}: OK`);

    const verify = await runCli(['verify', 'releases/0.1.0.json', '--online'], { cwd: repo.root });
    expect(verify.stdout).not.toContain('FAIL');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(manifest.os.iso.sha256);
  });

  it('prints progress to stderr and the result to stdout, one line per few percent', async () => {
    repo = await makeRepo();
    const result = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(result.code).toBe(0);
    const progress = result.stderr.split('\n').filter((line) => /\d+%/.test(line));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThanOrEqual(11);
    // No animation: no carriage returns, no cursor or colour escapes.
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr).not.toContain('\u001b[');
    expect(result.stdout).not.toMatch(/\d+% \(/);
  });

  it('with --json prints machine-readable events and a final result object on stdout', async () => {
    repo = await makeRepo();
    const result = await runCli(releaseArgs(standin, '--json'), { cwd: repo.root });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.length).toBeGreaterThan(1);
    const last = events.at(-1) ?? {};
    expect(last['event']).toBe('result');
    const manifest = await repo.readJson<WrittenManifest>('releases/0.1.0.json');
    expect(last['schematicId']).toBe(manifest.talos.schematicId);
    expect(last['sha256']).toBe(await sha256sum(repo.path(manifest.os.iso.localPath)));
    expect(last['manifestPath']).toBe('releases/0.1.0.json');
  });

  it('cuts a SecureBoot release whose references verify', async () => {
    repo = await makeRepo();
    const result = await runCli(releaseArgs(standin, '--secureboot'), { cwd: repo.root });
    expect(result.code).toBe(0);
    const manifest = await repo.readJson<WrittenManifest & { os: { secureboot: boolean } }>(
      'releases/0.1.0.json',
    );
    expect(manifest.os.secureboot).toBe(true);
    expect(manifest.os.iso.url).toMatch(/-secureboot\.iso$/);
    expect(manifest.os.installer.image).toContain('-installer-secureboot/');
    const verify = await runCli(['verify', 'releases/0.1.0.json'], { cwd: repo.root });
    expect(verify.code).toBe(0);
  });

  it.skipIf(!HAS_SCRIPT)(
    'stays headless in a terminal too: --yes mounts no screens and draws no animation',
    async () => {
      repo = await makeRepo();
      const result = await runCliInTerminal(releaseArgs(standin), {
        cwd: repo.root,
        env: { NO_COLOR: undefined },
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('> Downloading');
      expect(result.stdout).not.toContain('\u001b');
      expect(await repo.files()).toContain('releases/0.1.0.json');
    },
  );
});
