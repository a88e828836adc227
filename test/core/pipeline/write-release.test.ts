import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskError, UserInputError } from '../../../src/core/errors.js';
import { manifestJsonSchemaText, parseChannelFile } from '../../../src/core/manifest/index.js';
import { buildManifest } from '../../../src/core/pipeline/build-manifest.js';
import { planRelease } from '../../../src/core/pipeline/plan.js';
import { loadProject } from '../../../src/core/pipeline/project.js';
import { writeRelease } from '../../../src/core/pipeline/write-release.js';
import type { ReleaseAttestation } from '../../../src/core/pipeline/write-release.js';
import { verifyEnvelope } from '../../../src/core/provenance/index.js';
import {
  generateKeyPair,
  parseSecretKey,
  verifyFileSignature,
} from '../../../src/core/signing/index.js';
import { answersFor } from '../../fixtures/release-request.js';

interface ReleaseOptions {
  readonly appVersion?: string;
  readonly extensions?: readonly string[];
  /** Runs after the plan, just before the write: the place to break the file system. */
  readonly beforeWrite?: () => Promise<void>;
  readonly attestation?: ReleaseAttestation;
}

async function releaseOnce(
  root: string,
  releaseVersion: string,
  force = false,
  options: ReleaseOptions = {},
) {
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
    appVersion: options.appVersion ?? '2.3.0',
    extensions: options.extensions,
  });
  const plan = planRelease(answers, { project, catalogue: undefined, manifestExists: false });
  const manifest = buildManifest(plan, {
    iso: { sha256: 'a'.repeat(64), size: 1024 },
    installer: { digest: undefined, pinned: undefined, reason: 'offline test' },
    generatedAt: new Date('2026-11-22T00:00:00Z'),
    toolVersion: '0.1.0',
  });
  await options.beforeWrite?.();
  return writeRelease(project, plan, manifest, options.attestation);
}

async function repository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tr-write-'));
  await mkdir(join(root, 'schematics'));
  await writeFile(join(root, 'schematics/metal-amd64.yaml'), 'customization: {}\n');
  return root;
}

describe('writeRelease', () => {
  it('writes the manifest, its sums, the schema it points at, and the channel, and nothing else', async () => {
    const root = await repository();
    await releaseOnce(root, '0.1.0');
    expect((await readdir(join(root, 'releases'))).sort()).toEqual([
      '0.1.0.json',
      '0.1.0.sha256sums',
      'channels',
      'schema.json',
    ]);
    const manifestText = await readFile(join(root, 'releases/0.1.0.json'), 'utf8');
    const { os } = JSON.parse(manifestText) as { os: { iso: { localPath: string } } };
    expect(await readFile(join(root, 'releases/0.1.0.sha256sums'), 'utf8')).toBe(
      `${'a'.repeat(64)}  ${os.iso.localPath}\n`,
    );
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
    await expect(releaseOnce(root, '0.1.0', true, { appVersion: '2.4.0' })).resolves.toBeDefined();
    const replaced = JSON.parse(await readFile(join(root, 'releases/0.1.0.json'), 'utf8'));
    expect(replaced.app.version).toBe('2.4.0');
  });

  it('leaves the repository as it was when the channel cannot be written', async () => {
    const root = await repository();
    const schematic = await readFile(join(root, 'schematics/metal-amd64.yaml'), 'utf8');
    const failure = await releaseOnce(root, '0.1.0', false, {
      extensions: ['siderolabs/zfs'],
      // A directory where the channel file goes: its rename fails after the manifest's.
      beforeWrite: async () => {
        await mkdir(join(root, 'releases/channels/stable.json'), { recursive: true });
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiskError);
    expect(await readdir(join(root, 'releases'))).toEqual(['channels']);
    expect(await readdir(join(root, 'releases/channels'))).toEqual(['stable.json']);
    expect(await readFile(join(root, 'schematics/metal-amd64.yaml'), 'utf8')).toBe(schematic);
    expect(await readdir(join(root, 'schematics'))).toEqual(['metal-amd64.yaml']);
  });

  it('puts back the manifest --force was replacing when the channel cannot be written', async () => {
    const root = await repository();
    await releaseOnce(root, '0.1.0');
    const before = await readFile(join(root, 'releases/0.1.0.json'), 'utf8');
    const channel = join(root, 'releases/channels/stable.json');
    const failure = await releaseOnce(root, '0.1.0', true, {
      appVersion: '2.4.0',
      beforeWrite: async () => {
        await rm(channel);
        await mkdir(channel);
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiskError);
    expect(await readFile(join(root, 'releases/0.1.0.json'), 'utf8')).toBe(before);
  });

  it('completes a release whose manifest no channel lists (an interrupted run)', async () => {
    const root = await repository();
    await releaseOnce(root, '0.1.0');
    await rm(join(root, 'releases/channels/stable.json'));
    await expect(releaseOnce(root, '0.1.0', false, { appVersion: '2.4.0' })).resolves.toBeDefined();
    const path = join(root, 'releases/channels/stable.json');
    expect(parseChannelFile(await readFile(path, 'utf8'), path).current.releaseVersion).toBe(
      '0.1.0',
    );
  });

  it('with a key, signs the sums and the provenance in the same commit; without, leaves no stale signature', async () => {
    const root = await repository();
    const key = await parseSecretKey((await generateKeyPair()).secretKeyFile);
    const attestation: ReleaseAttestation = {
      toolVersion: '0.1.0',
      startedOn: new Date('2026-11-22T00:00:00Z'),
      finishedOn: new Date('2026-11-22T00:01:00Z'),
      invocationId: 'test-invocation',
      signingKey: key,
    };
    const written = await releaseOnce(root, '0.1.0', false, { attestation });
    expect(written.signaturePath).toBe('releases/0.1.0.sha256sums.minisig');
    expect(written.provenancePath).toBe('releases/0.1.0.intoto.json');
    const sums = join(root, 'releases/0.1.0.sha256sums');
    const signature = await readFile(`${sums}.minisig`, 'utf8');
    const verified = await verifyFileSignature(sums, signature, key.publicKey);
    expect(verified.trustedComment).toBe(
      `timestamp:${Date.parse('2026-11-22T00:01:00Z') / 1000}\tfile:0.1.0.sha256sums\thashed`,
    );
    const envelope: unknown = JSON.parse(
      await readFile(join(root, written.provenancePath ?? ''), 'utf8'),
    );
    expect(verifyEnvelope(envelope, key.publicKey).subject[0]?.digest).toEqual({
      sha256: 'a'.repeat(64),
    });

    // --force without a key: the old signature (of the old sums) goes, the statement is unsigned.
    const again = await releaseOnce(root, '0.1.0', true, {
      attestation: { ...attestation, signingKey: undefined },
    });
    expect(again.signaturePath).toBeUndefined();
    expect((await readdir(join(root, 'releases'))).sort()).toEqual([
      '0.1.0.intoto.json',
      '0.1.0.json',
      '0.1.0.sha256sums',
      'channels',
      'schema.json',
    ]);
    const statement = JSON.parse(await readFile(join(root, 'releases/0.1.0.intoto.json'), 'utf8'));
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    await rm(root, { recursive: true, force: true });
  });
});
