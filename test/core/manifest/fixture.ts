// A consistent manifest built from the same functions the pipeline uses, so tests change one
// field at a time and see exactly which rule catches it.
import { createHash } from 'node:crypto';
import { artifactRefs } from '../../../src/core/artifacts/index.js';

export const canonical = 'customization:\n    extraKernelArgs:\n        - net.ifnames=0\n';
export const schematicId = createHash('sha256').update(canonical).digest('hex');

export function validManifest(): Record<string, unknown> & {
  talos: Record<string, unknown>;
  os: Record<string, unknown> & {
    iso: Record<string, unknown>;
    installer: Record<string, unknown>;
  };
} {
  const refs = artifactRefs({
    factoryUrl: 'https://factory.talos.dev',
    schematicId,
    talosVersion: 'v1.12.4',
    platform: 'metal',
    arch: 'amd64',
    secureboot: false,
  });
  return {
    $schema: './schema.json',
    releaseVersion: '1.4.2',
    generatedAt: '2026-11-22T03:00:00.000Z',
    channel: 'stable',
    talos: {
      version: 'v1.12.4',
      schematicId,
      schematicPath: 'schematics/appliance.yaml',
      schematic: canonical,
      factoryUrl: 'https://factory.talos.dev',
      extensions: [
        {
          name: 'siderolabs/gvisor',
          ref: 'ghcr.io/siderolabs/gvisor:20250505.0',
          digest: `sha256:${'b'.repeat(64)}`,
        },
      ],
    },
    kubernetes: { version: '1.35.0' },
    os: {
      platform: 'metal',
      architecture: 'amd64',
      secureboot: false,
      iso: {
        url: refs.isoUrl,
        localPath: 'artifacts/talos.iso',
        sha256: 'c'.repeat(64),
        size: 123_456,
      },
      installer: { image: refs.installerImage, digest: `sha256:${'d'.repeat(64)}` },
    },
    app: { version: '2.3.0', valuesProfile: 'production' },
    tool: { name: 'talos-release', version: '0.1.0' },
  };
}
