import { describe, expect, it } from 'vitest';
import { changesSince } from '../../../src/core/diff/index.js';
import type { PlannedRelease } from '../../../src/core/diff/index.js';
import type { ReleaseManifest } from '../../../src/core/manifest/index.js';
import { manifestFor } from './fixture.js';

const previous = manifestFor({
  releaseVersion: '0.1.0',
  talosVersion: 'v1.11.2',
  kernelArgs: ['console=tty0', 'net.ifnames=0'],
  extensions: { 'siderolabs/iscsi-tools': 'v0.2.0', 'siderolabs/gvisor': '20250505.0' },
});

function planned(next: ReleaseManifest, withBom = true): PlannedRelease {
  return {
    releaseVersion: next.releaseVersion,
    talosVersion: next.talos.version,
    kubernetesVersion: next.kubernetes.version,
    appVersion: next.app.version,
    valuesProfile: next.app.valuesProfile,
    canonical: next.talos.schematic,
    schematicId: next.talos.schematicId,
    extensions: next.talos.extensions.map((e) => e.name),
    bom: withBom ? next.talos.extensions : [],
  };
}

describe('changesSince', () => {
  it('says in a few words what the planned release changes', () => {
    const next = manifestFor({
      releaseVersion: '0.2.0',
      talosVersion: 'v1.13.0',
      kubernetesVersion: '1.35.2',
      kernelArgs: ['console=tty0'],
      meta: [{ key: 10, value: 'x' }],
      extensions: { 'siderolabs/iscsi-tools': 'v0.2.1', 'siderolabs/qemu-guest-agent': '10.2.0' },
      appVersion: '2.4.0',
    });
    expect(changesSince(previous, planned(next))).toEqual([
      'Talos v1.11.2 → v1.13.0 (skips 1.12)',
      'Kubernetes 1.35.0 → 1.35.2',
      'app 2.3.0 → 2.4.0',
      'extensions +siderolabs/qemu-guest-agent -siderolabs/gvisor siderolabs/iscsi-tools v0.2.0 → v0.2.1',
      'kernel args -net.ifnames=0',
      'META 10 changed',
    ]);
  });

  it('compares extension names only when the catalogue was not consulted', () => {
    const next = manifestFor({
      releaseVersion: '0.2.0',
      talosVersion: 'v1.11.2',
      kernelArgs: ['console=tty0', 'net.ifnames=0'],
      extensions: { 'siderolabs/iscsi-tools': 'v0.9.9', 'siderolabs/gvisor': '20250505.0' },
    });
    expect(changesSince(previous, planned(next, false))).toEqual([]);
    expect(changesSince(previous, planned(next))).toEqual([
      'extensions siderolabs/iscsi-tools v0.2.0 → v0.9.9',
    ]);
  });
});
