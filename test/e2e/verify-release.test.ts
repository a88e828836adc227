// `verify` on a release cut against the stand-in: exit 0 while everything agrees; every kind of
// tampering is named with both values and exit 5; a manifest that is not one is exit 2.
import { cp, readFile, truncate, writeFile, rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandin } from '../../src/standin/server.js';
import type { RunningStandin } from '../../src/standin/types.js';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { makeRepo, sha256sum, SCHEMATIC_PATH } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';

const IMAGE_SIZE = 32 * 1024 + 3;
const MANIFEST = 'releases/0.1.0.json';

interface Manifest {
  releaseVersion: string;
  talos: { schematicId: string; schematic: string };
  os: { iso: { url: string; localPath: string; sha256: string; size: number } };
}

let standin: RunningStandin;
let released: TempRepo;
let repo: TempRepo;
let manifest: Manifest;

beforeAll(async () => {
  standin = await startStandin({ imageSize: IMAGE_SIZE });
  released = await makeRepo();
  const result = await runCli(releaseArgs(standin), { cwd: released.root });
  if (result.code !== 0) throw new Error(`the release to verify failed:\n${result.stderr}`);
  manifest = await released.readJson<Manifest>(MANIFEST);
});
afterAll(async () => {
  await standin.close();
  await released.remove();
});
afterEach(() => repo?.remove());

/** A fresh copy of the released repository, free to tamper with. */
async function copyOfRelease(): Promise<TempRepo> {
  repo = await makeRepo();
  await cp(released.root, repo.root, { recursive: true });
  return repo;
}

async function editManifest(edit: (value: Manifest) => void): Promise<void> {
  const value = await repo.readJson<Manifest>(MANIFEST);
  edit(value);
  await writeFile(repo.path(MANIFEST), `${JSON.stringify(value, null, 2)}\n`);
}

function verify(...extra: string[]) {
  return runCli(['verify', MANIFEST, ...extra], { cwd: repo.root });
}

describe('talos-release verify', () => {
  it('passes a release that agrees with itself, one line per check', async () => {
    await copyOfRelease();
    const result = await verify();
    expect(result.code).toBe(0);
    const checks = result.stdout.split('\n').filter((line) => /^(ok|FAIL|skip)\s/.test(line));
    expect(checks.length).toBeGreaterThanOrEqual(6);
    expect(checks.every((line) => line.startsWith('ok'))).toBe(true);
    expect(result.stdout).toContain(manifest.os.iso.sha256);
  });

  it('reports --json as a list of checks', async () => {
    await copyOfRelease();
    const result = await verify('--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: { id: string; status: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.status)).not.toContain('fail');
    expect(report.checks.map((check) => check.id)).toEqual(
      expect.arrayContaining(['iso-sha256', 'iso-size', 'schematic-file', 'iso-url']),
    );
  });

  it('names a changed ISO byte with both hashes (exit 5)', async () => {
    await copyOfRelease();
    const iso = repo.path(manifest.os.iso.localPath);
    const bytes = await readFile(iso);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await writeFile(iso, bytes);
    const result = await verify();
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*os\.iso\.sha256/);
    expect(result.stdout).toContain(manifest.os.iso.sha256);
    expect(result.stdout).toContain(await sha256sum(iso));
  });

  it('names a truncated ISO with both sizes (exit 5)', async () => {
    await copyOfRelease();
    await truncate(repo.path(manifest.os.iso.localPath), 1000);
    const result = await verify();
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*os\.iso\.size/);
    expect(result.stdout).toContain(`${IMAGE_SIZE} bytes`);
    expect(result.stdout).toContain('1000 bytes');
  });

  it('fails when the ISO is not there (exit 5)', async () => {
    await copyOfRelease();
    await rm(repo.path(manifest.os.iso.localPath));
    const result = await verify();
    expect(result.code).toBe(5);
    expect(result.stdout).toContain('there is no file at');
  });

  it('names a recorded hash that is not the file’s (exit 5)', async () => {
    await copyOfRelease();
    const forged = '0'.repeat(64);
    await editManifest((value) => {
      value.os.iso.sha256 = forged;
    });
    const result = await verify();
    expect(result.code).toBe(5);
    expect(result.stdout).toContain(forged);
    expect(result.stdout).toContain(await sha256sum(repo.path(manifest.os.iso.localPath)));
  });

  it('names an ISO URL that does not follow from the manifest’s fields (exit 5)', async () => {
    await copyOfRelease();
    const edited = manifest.os.iso.url.replace('/metal-amd64.iso', '/metal-arm64.iso');
    await editManifest((value) => {
      value.os.iso.url = edited;
    });
    const result = await verify();
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*os\.iso\.url/);
    expect(result.stdout).toContain(manifest.os.iso.url);
    expect(result.stdout).toContain(edited);
  });

  it('names a schematic file that changed since the release (exit 5)', async () => {
    await copyOfRelease();
    const text = await repo.read(SCHEMATIC_PATH);
    await writeFile(repo.path(SCHEMATIC_PATH), text.replace(/\n\s*- siderolabs\/amd-ucode/, ''));
    const result = await verify();
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*metal-amd64\.yaml/);
    expect(result.stdout).toContain(manifest.talos.schematicId);
  });

  it('names a recorded schematic that does not hash to the recorded ID (exit 5)', async () => {
    await copyOfRelease();
    await editManifest((value) => {
      value.talos.schematic = value.talos.schematic.replace('net.ifnames=0', 'net.ifnames=1');
    });
    const result = await verify();
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL talos\.schematic hashes to talos\.schematicId/);
  });

  it('exits 2 for a manifest that is not a valid manifest, naming the field', async () => {
    await copyOfRelease();
    await editManifest((value) => {
      value.releaseVersion = '../../x';
    });
    const result = await verify();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('releaseVersion');
  });

  it('exits 2 for a file that is not JSON or not there', async () => {
    await copyOfRelease();
    await writeFile(repo.path(MANIFEST), '{"releaseVersion": ');
    const broken = await verify();
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not valid JSON');
    const missing = await runCli(['verify', 'releases/9.9.9.json'], { cwd: repo.root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('releases/9.9.9.json');
  });

  it('finds the repository from the manifest path when run elsewhere', async () => {
    await copyOfRelease();
    const result = await runCli(['verify', repo.path(MANIFEST)], {
      cwd: released.path('releases'),
    });
    expect(result.code).toBe(0);
  });
});
