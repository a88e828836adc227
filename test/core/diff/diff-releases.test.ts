import { describe, expect, it } from 'vitest';
import { diffReleases, skippedMinors, tagOf } from '../../../src/core/diff/index.js';
import type { ReleaseManifest } from '../../../src/core/manifest/index.js';
import { digestOf, manifestFor } from './fixture.js';

const before = manifestFor({
  releaseVersion: '0.3.0',
  talosVersion: 'v1.11.5',
  kubernetesVersion: '1.34.1',
  kernelArgs: ['console=tty0', 'net.ifnames=0'],
  meta: [{ key: 10, value: 'old' }],
  extensions: { 'siderolabs/iscsi-tools': 'v0.2.0', 'siderolabs/gvisor': '20250505.0' },
});
const after = manifestFor({
  releaseVersion: '0.4.0',
  talosVersion: 'v1.12.4',
  kubernetesVersion: '1.35.0',
  kernelArgs: ['console=tty0', 'talos.dashboard.disabled=1'],
  meta: [
    { key: 10, value: 'new' },
    { key: 12, value: 'added' },
  ],
  extensions: { 'siderolabs/iscsi-tools': 'v0.2.1', 'siderolabs/qemu-guest-agent': '10.2.0' },
  appVersion: '2.4.0',
});

describe('diffReleases', () => {
  const diff = diffReleases(before, after);

  it('names both Talos and Kubernetes versions and says which changed', () => {
    expect(diff.talos).toEqual({ from: 'v1.11.5', to: 'v1.12.4', changed: true });
    expect(diff.kubernetes).toEqual({ from: '1.34.1', to: '1.35.0', changed: true });
    expect(diff.app.version).toEqual({ from: '2.3.0', to: '2.4.0', changed: true });
    expect(diff.app.valuesProfile).toEqual({ from: 'default', to: 'default', changed: false });
    expect(diff.skippedTalosMinors).toEqual([]);
  });

  it('lists extensions added, removed and updated with tags and digests', () => {
    expect(diff.extensions.added.map((e) => `${e.name} ${e.tag}`)).toEqual([
      'siderolabs/qemu-guest-agent 10.2.0',
    ]);
    expect(diff.extensions.removed.map((e) => `${e.name} ${e.tag}`)).toEqual([
      'siderolabs/gvisor 20250505.0',
    ]);
    expect(diff.extensions.changed).toEqual([
      {
        name: 'siderolabs/iscsi-tools',
        from: {
          name: 'siderolabs/iscsi-tools',
          tag: 'v0.2.0',
          ref: 'ghcr.io/siderolabs/iscsi-tools:v0.2.0',
          digest: digestOf('siderolabs/iscsi-tools:v0.2.0'),
        },
        to: {
          name: 'siderolabs/iscsi-tools',
          tag: 'v0.2.1',
          ref: 'ghcr.io/siderolabs/iscsi-tools:v0.2.1',
          digest: digestOf('siderolabs/iscsi-tools:v0.2.1'),
        },
      },
    ]);
  });

  it('reports kernel arguments and META values that changed', () => {
    expect(diff.schematic.kernelArgs).toEqual({
      added: ['talos.dashboard.disabled=1'],
      removed: ['net.ifnames=0'],
      reordered: false,
    });
    expect(diff.schematic.meta).toEqual([
      { key: 10, from: 'old', to: 'new' },
      { key: 12, from: undefined, to: 'added' },
    ]);
  });

  it('shows the canonical schematics as a unified diff', () => {
    const lines = diff.schematic.unified.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '--- 0.3.0/schematic.yaml',
      '+++ 0.4.0/schematic.yaml',
      expect.stringMatching(/^@@ -1,\d+ \+1,\d+ @@$/),
    ]);
    expect(lines).toContain('-        - net.ifnames=0');
    expect(lines).toContain('+        - talos.dashboard.disabled=1');
    expect(lines).toContain('         - console=tty0');
    expect(diff.schematic.changed).toBe(true);
  });

  it('notices a reordering of the same kernel arguments', () => {
    const a = manifestFor({ releaseVersion: '1.0.0', kernelArgs: ['a=1', 'b=2'] });
    const b = manifestFor({ releaseVersion: '1.0.1', kernelArgs: ['b=2', 'a=1'] });
    expect(diffReleases(a, b).schematic.kernelArgs).toEqual({
      added: [],
      removed: [],
      reordered: true,
    });
  });

  it('says nothing changed between two identical schematics', () => {
    const same = diffReleases(before, { ...before, releaseVersion: '0.3.1' });
    expect(same.schematic).toMatchObject({ changed: false, unified: '' });
    expect(same.extensions).toEqual({ added: [], removed: [], changed: [] });
    expect(same.installers).toEqual([]);
  });

  it('treats a version 1 manifest as one ISO target and one installer', () => {
    expect(diff.artifacts).toEqual([
      {
        name: 'metal-amd64.iso',
        url: after.os.iso.url,
        localPath: after.os.iso.localPath,
        sha256: after.os.iso.sha256,
        size: 4096,
      },
    ]);
    expect(diff.targets).toEqual({ added: [], removed: [] });
    expect(diff.installers).toEqual([
      {
        key: 'metal',
        from: `${before.os.installer.image}@${before.os.installer.digest}`,
        to: `${after.os.installer.image}@${after.os.installer.digest}`,
      },
    ]);
    expect(diff.upgradeImages).toEqual([
      { key: 'metal', image: `${after.os.installer.image}@${after.os.installer.digest}` },
    ]);
  });

  it('diffs a version 2 manifest against a version 1 one target by target', () => {
    const v2 = withSecondTarget(after);
    const result = diffReleases(before, v2);
    expect(result.targets).toEqual({ added: ['metal-amd64.raw.zst'], removed: [] });
    expect(result.artifacts.map((a) => a.name)).toEqual(['metal-amd64.iso', 'metal-amd64.raw.zst']);
    expect(result.upgradeImages.map((u) => u.key)).toEqual(['metal', 'metal-secureboot']);
    expect(result.installers.map((i) => [i.key, i.from === undefined])).toEqual([
      ['metal', false],
      ['metal-secureboot', true],
    ]);
    // The primary ISO reads the same from a v2 manifest as from os.iso in v1.
    expect(diffReleases(before, v2).talos).toEqual(diff.talos);
    expect(diffReleases(v2, v2).targets).toEqual({ added: [], removed: [] });
  });
});

describe('skippedMinors', () => {
  it('lists each minor line a Talos upgrade jumps over', () => {
    expect(skippedMinors('v1.10.9', 'v1.13.2')).toEqual(['1.11', '1.12']);
    expect(skippedMinors('v1.11.2', 'v1.12.0')).toEqual([]);
    expect(skippedMinors('v1.12.4', 'v1.12.11')).toEqual([]);
  });
});

describe('tagOf', () => {
  it('reads the tag, not a registry port', () => {
    expect(tagOf('ghcr.io/siderolabs/gvisor:20250505.0')).toBe('20250505.0');
    expect(tagOf('127.0.0.1:5000/siderolabs/gvisor')).toBe('latest');
  });
});

function withSecondTarget(manifest: ReleaseManifest): ReleaseManifest {
  const { iso, installer } = manifest.os;
  const common = {
    architecture: 'amd64' as const,
    schematicId: manifest.talos.schematicId,
    platform: 'metal',
  };
  return {
    ...manifest,
    manifestVersion: 2,
    artifacts: [
      { ...common, name: 'metal-amd64.iso', kind: 'iso', secureboot: false, ...iso },
      {
        ...common,
        name: 'metal-amd64.raw.zst',
        kind: 'disk',
        secureboot: false,
        url: iso.url.replace('metal-amd64.iso', 'metal-amd64.raw.zst'),
        localPath: 'artifacts/disk.raw.zst',
        sha256: 'e'.repeat(64),
        size: 8192,
      },
    ],
    installers: [
      {
        platform: 'metal',
        secureboot: false,
        image: installer.image,
        digest: installer.digest,
        architectures: [],
      },
      {
        platform: 'metal',
        secureboot: true,
        image: installer.image.replace('installer', 'installer-secureboot'),
        digest: digestOf('secureboot installer'),
        architectures: [],
      },
    ],
  };
}
