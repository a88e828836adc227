// Every kind of tampering with a written release is named by `verify` with both values, and
// the exit code is 5 (integrity).
import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useReleasedRepo } from './helpers/released-repo.js';
import { sha256sum, SCHEMATIC_PATH } from './helpers/repo.js';

const IMAGE_SIZE = 32 * 1024 + 3;
const release = useReleasedRepo({ imageSize: IMAGE_SIZE });

describe('talos-release verify on a tampered release', () => {
  it('names a changed ISO byte with both hashes', async () => {
    const repo = await release.copy();
    const iso = repo.path(release.manifest().os.iso.localPath);
    const bytes = await readFile(iso);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await writeFile(iso, bytes);
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*os\.iso\.sha256/);
    expect(result.stdout).toContain(release.manifest().os.iso.sha256);
    expect(result.stdout).toContain(await sha256sum(iso));
  });

  it('names a truncated ISO with both sizes', async () => {
    const repo = await release.copy();
    await truncate(repo.path(release.manifest().os.iso.localPath), 1000);
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*os\.iso\.size/);
    expect(result.stdout).toContain(`${IMAGE_SIZE} bytes`);
    expect(result.stdout).toContain('1000 bytes');
  });

  it('fails when the ISO is not there', async () => {
    const repo = await release.copy();
    await rm(repo.path(release.manifest().os.iso.localPath));
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toContain('there is no file at');
  });

  it('names a recorded hash that is not the file’s', async () => {
    const repo = await release.copy();
    const forged = '0'.repeat(64);
    await release.editManifest(repo, (value) => {
      value.os.iso.sha256 = forged;
    });
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toContain(forged);
    expect(result.stdout).toContain(
      await sha256sum(repo.path(release.manifest().os.iso.localPath)),
    );
  });

  it('names an ISO URL that does not follow from the manifest’s fields', async () => {
    const repo = await release.copy();
    const recorded = release.manifest().os.iso.url;
    const edited = recorded.replace('/metal-amd64.iso', '/metal-arm64.iso');
    await release.editManifest(repo, (value) => {
      value.os.iso.url = edited;
    });
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*os\.iso\.url/);
    expect(result.stdout).toContain(recorded);
    expect(result.stdout).toContain(edited);
  });

  it('names a schematic file that changed since the release', async () => {
    const repo = await release.copy();
    const text = await repo.read(SCHEMATIC_PATH);
    await writeFile(repo.path(SCHEMATIC_PATH), text.replace(/\n\s*- siderolabs\/amd-ucode/, ''));
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL .*metal-amd64\.yaml/);
    expect(result.stdout).toContain(release.manifest().talos.schematicId);
  });

  it('names a recorded schematic that does not hash to the recorded ID', async () => {
    const repo = await release.copy();
    await release.editManifest(repo, (value) => {
      value.talos.schematic = value.talos.schematic.replace('net.ifnames=0', 'net.ifnames=1');
    });
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL talos\.schematic hashes to talos\.schematicId/);
  });

  it('names a channel entry that points at another schematic than the manifest', async () => {
    const repo = await release.copy();
    const channelPath = 'releases/channels/stable.json';
    const channel = await repo.readJson<{ current: { schematicId: string } }>(channelPath);
    const forged = 'c'.repeat(64);
    channel.current.schematicId = forged;
    await writeFile(repo.path(channelPath), JSON.stringify(channel));
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(
      /^FAIL releases\/channels\/stable\.json agrees with the manifest/m,
    );
    expect(result.stdout).toContain(forged);
    expect(result.stdout).toContain(release.manifest().talos.schematicId);
  });
});
