// `status` against a repository on disk and a factory faked at the client interface: each
// reason a release is due on its own, and the one reason that is news but not due.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FactoryClient } from '../../../src/core/factory/index.js';
import type { ReleaseManifest } from '../../../src/core/manifest/index.js';
import { checkStatus } from '../../../src/core/status/index.js';
import { digestOf, manifestFor, schematicText } from '../diff/fixture.js';

const spec = {
  releaseVersion: '0.4.0',
  talosVersion: 'v1.12.4',
  extensions: { 'siderolabs/iscsi-tools': 'v0.2.0' },
};
const manifest = manifestFor(spec);

function fakeFactory(versions: string[], iscsiTag = 'v0.2.0', iscsiDigest?: string): FactoryClient {
  const refused = (): never => {
    throw new Error('status must not call this');
  };
  return {
    baseUrl: 'https://factory.test',
    listVersions: () => Promise.resolve(versions),
    listExtensions: () =>
      Promise.resolve([
        {
          name: 'siderolabs/iscsi-tools',
          ref: `ghcr.io/siderolabs/iscsi-tools:${iscsiTag}`,
          digest: iscsiDigest ?? digestOf(`siderolabs/iscsi-tools:${iscsiTag}`),
        },
      ]),
    listBrokenVersions: refused,
    listOverlays: refused,
    createSchematic: refused,
    getSchematic: refused,
  };
}

describe('checkStatus', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'status-'));
    await writeRepo(root, manifest, schematicText(spec));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const check = (factory?: FactoryClient) =>
    checkStatus({ root, channel: 'stable', factory: factory && (() => factory) });

  it('is current when nothing changed', async () => {
    const report = await check(fakeFactory(['v1.11.2', 'v1.12.3', 'v1.12.4', 'v1.13.0-alpha.1']));
    expect(report).toMatchObject({ releaseVersion: '0.4.0', due: false, findings: [] });
  });

  it('is due when a newer patch of the same minor is out, and names it', async () => {
    const report = await check(fakeFactory(['v1.12.4', 'v1.12.5']));
    expect(report.due).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({
        kind: 'talos-patch',
        due: true,
        subject: 'v1.12.5',
        from: 'v1.12.4',
      }),
    ]);
    expect(report.findings[0]?.message).toBe('Talos v1.12.5 is out (release 0.4.0 has v1.12.4)');
  });

  it('reports a newer minor without making the release due', async () => {
    const report = await check(fakeFactory(['v1.12.4', 'v1.13.1']));
    expect(report.due).toBe(false);
    expect(report.findings.map((f) => [f.kind, f.due, f.subject])).toEqual([
      ['talos-minor', false, 'v1.13.1'],
    ]);
  });

  it('is due when an extension tag changed, or was rebuilt under the same tag', async () => {
    const newer = await check(fakeFactory(['v1.12.4'], 'v0.2.1'));
    expect(newer.due).toBe(true);
    expect(newer.findings.map((f) => f.message)).toEqual([
      'extension siderolabs/iscsi-tools v0.2.0 → v0.2.1 for Talos v1.12.4',
    ]);
    const rebuilt = await check(fakeFactory(['v1.12.4'], 'v0.2.0', digestOf('rebuilt')));
    expect(rebuilt.findings.map((f) => f.message)).toEqual([
      `extension siderolabs/iscsi-tools v0.2.0 was rebuilt (${digestOf('rebuilt')}) for Talos v1.12.4`,
    ]);
  });

  it('is due when the schematic file changed, naming the file, even offline', async () => {
    await writeFile(
      join(root, 'schematics/metal-amd64.yaml'),
      schematicText({ ...spec, kernelArgs: ['console=ttyS0'] }),
    );
    const report = await check();
    expect(report).toMatchObject({ offline: true, due: true });
    expect(report.findings.map((f) => [f.kind, f.subject])).toEqual([
      ['schematic', 'schematics/metal-amd64.yaml'],
    ]);
    expect(report.findings[0]?.message).toMatch(
      /^schematics\/metal-amd64\.yaml changed since release 0\.4\.0 \(schematic ID [0-9a-f]{64} → [0-9a-f]{64}\)$/,
    );
  });

  it('does not count comments and layout as a change', async () => {
    const relaid = schematicText(spec).replace(/^ {2}/gm, '    ');
    await writeFile(join(root, 'schematics/metal-amd64.yaml'), `# the appliance\n${relaid}`);
    expect((await check()).due).toBe(false);
  });

  it('fails with bad input when the channel has no release', async () => {
    await rm(join(root, 'releases'), { recursive: true });
    await expect(check()).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('channel stable has no releases yet'),
    });
  });
});

async function writeRepo(root: string, release: ReleaseManifest, schematic: string): Promise<void> {
  await mkdir(join(root, 'releases/channels'), { recursive: true });
  await mkdir(join(root, 'schematics'), { recursive: true });
  await writeFile(join(root, 'schematics/metal-amd64.yaml'), schematic);
  await writeFile(join(root, 'releases/0.4.0.json'), JSON.stringify(release));
  const entry = {
    releaseVersion: '0.4.0',
    manifest: 'releases/0.4.0.json',
    talosVersion: release.talos.version,
    schematicId: release.talos.schematicId,
    releasedAt: release.generatedAt,
  };
  await writeFile(
    join(root, 'releases/channels/stable.json'),
    JSON.stringify({ channel: 'stable', current: entry, history: [] }),
  );
}
