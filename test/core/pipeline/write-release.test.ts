import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { manifestJsonSchemaText, parseChannelFile } from '../../../src/core/manifest/index.js';
import { buildManifest } from '../../../src/core/pipeline/build-manifest.js';
import { planRelease } from '../../../src/core/pipeline/plan.js';
import { loadProject } from '../../../src/core/pipeline/project.js';
import { writeRelease } from '../../../src/core/pipeline/write-release.js';
import { answersFor } from '../../fixtures/release-request.js';

async function releaseOnce(root: string, releaseVersion: string, force = false) {
  const project = await loadProject({
    root,
    schematicPath: 'schematics/metal-amd64.yaml',
    channel: 'stable',
  });
  const answers = answersFor(root, {
    talosVersion: 'v1.12.4',
    kubernetesVersion: '1.35.0',
    releaseVersion,
    force,
  });
  const plan = planRelease(answers, { project, catalogue: undefined, manifestExists: false });
  const manifest = buildManifest(plan, {
    iso: { sha256: 'a'.repeat(64), size: 1024 },
    installer: { digest: undefined, pinned: undefined, reason: 'offline test' },
    generatedAt: new Date('2026-11-22T00:00:00Z'),
    toolVersion: '0.1.0',
  });
  return writeRelease(project, plan, manifest);
}

async function repository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tr-write-'));
  await mkdir(join(root, 'schematics'));
  await writeFile(join(root, 'schematics/metal-amd64.yaml'), 'customization: {}\n');
  return root;
}

describe('writeRelease', () => {
  it('writes the manifest, the schema it points at, and the channel, and nothing else', async () => {
    const root = await repository();
    await releaseOnce(root, '0.1.0');
    expect((await readdir(join(root, 'releases'))).sort()).toEqual([
      '0.1.0.json',
      'channels',
      'schema.json',
    ]);
    expect(await readFile(join(root, 'releases/schema.json'), 'utf8')).toBe(
      manifestJsonSchemaText(),
    );
    const manifest = JSON.parse(await readFile(join(root, 'releases/0.1.0.json'), 'utf8'));
    expect(manifest.$schema).toBe('./schema.json');
    expect(manifest.os.installer.digest).toBeUndefined();
  });

  it('moves the previous release into the channel history', async () => {
    const root = await repository();
    await releaseOnce(root, '0.1.0');
    await releaseOnce(root, '0.1.1');
    const path = join(root, 'releases/channels/stable.json');
    const channel = parseChannelFile(await readFile(path, 'utf8'), path);
    expect(channel.current.releaseVersion).toBe('0.1.1');
    expect(channel.history.map((entry) => entry.releaseVersion)).toEqual(['0.1.0']);
  });

  it('refuses to overwrite a manifest without --force, leaving it untouched', async () => {
    const root = await repository();
    await releaseOnce(root, '0.1.0');
    const before = await readFile(join(root, 'releases/0.1.0.json'), 'utf8');
    await expect(releaseOnce(root, '0.1.0')).rejects.toThrow(UserInputError);
    expect(await readFile(join(root, 'releases/0.1.0.json'), 'utf8')).toBe(before);
    await expect(releaseOnce(root, '0.1.0', true)).resolves.toBeDefined();
  });
});
