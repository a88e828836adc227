// Valid release manifests built the way the pipeline builds them (canonical schematic, its ID,
// the factory's addresses), so a diff test changes one thing per release and sees only that.
import { artifactRefs } from '../../../src/core/artifacts/index.js';
import { parseManifestObject } from '../../../src/core/manifest/index.js';
import type { ReleaseManifest } from '../../../src/core/manifest/index.js';
import {
  decodeSchematic,
  encodeCanonical,
  schematicId,
} from '../../../src/core/schematic/index.js';

export const FACTORY = 'https://factory.talos.dev';

export interface ReleaseSpec {
  readonly releaseVersion: string;
  readonly talosVersion?: string;
  readonly kubernetesVersion?: string;
  readonly kernelArgs?: readonly string[];
  readonly meta?: readonly { key: number; value: string }[];
  /** name → tag; the digest is derived from both, so a new tag gets a new digest. */
  readonly extensions?: Readonly<Record<string, string>>;
  readonly appVersion?: string;
  readonly valuesProfile?: string;
}

export function digestOf(text: string): string {
  let hex = '';
  for (const char of text.padEnd(64, '.').slice(0, 64))
    hex += (char.charCodeAt(0) % 16).toString(16);
  return `sha256:${hex}`;
}

export function schematicText(spec: ReleaseSpec): string {
  const lines = ['customization:'];
  const args = spec.kernelArgs ?? ['console=tty0'];
  if (args.length > 0) lines.push('  extraKernelArgs:', ...args.map((arg) => `    - ${arg}`));
  if (spec.meta && spec.meta.length > 0) {
    lines.push(
      '  meta:',
      ...spec.meta.flatMap((m) => [`    - key: ${m.key}`, `      value: "${m.value}"`]),
    );
  }
  const names = Object.keys(spec.extensions ?? {}).sort();
  if (names.length > 0) {
    lines.push(
      '  systemExtensions:',
      '    officialExtensions:',
      ...names.map((n) => `      - ${n}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function manifestFor(spec: ReleaseSpec): ReleaseManifest {
  const talosVersion = spec.talosVersion ?? 'v1.12.4';
  const canonical = encodeCanonical(decodeSchematic(schematicText(spec), 'fixture.yaml'));
  const id = schematicId(canonical);
  const refs = artifactRefs({
    factoryUrl: FACTORY,
    schematicId: id,
    talosVersion,
    platform: 'metal',
    arch: 'amd64',
    secureboot: false,
  });
  const extensions = Object.entries(spec.extensions ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, tag]) => ({
      name,
      ref: `ghcr.io/${name}:${tag}`,
      digest: digestOf(`${name}:${tag}`),
    }));
  return parseManifestObject(
    {
      releaseVersion: spec.releaseVersion,
      generatedAt: '2026-11-22T03:00:00.000Z',
      channel: 'stable',
      talos: {
        version: talosVersion,
        schematicId: id,
        schematicPath: 'schematics/metal-amd64.yaml',
        schematic: canonical,
        factoryUrl: FACTORY,
        extensions,
      },
      kubernetes: { version: spec.kubernetesVersion ?? '1.35.0' },
      os: {
        platform: 'metal',
        architecture: 'amd64',
        secureboot: false,
        iso: {
          url: refs.isoUrl,
          localPath: `artifacts/${spec.releaseVersion}.iso`,
          sha256: digestOf(`iso ${spec.releaseVersion}`).slice('sha256:'.length),
          size: 4096,
        },
        installer: {
          image: refs.installerImage,
          digest: digestOf(`installer ${spec.releaseVersion}`),
        },
      },
      app: { version: spec.appVersion ?? '2.3.0', valuesProfile: spec.valuesProfile ?? 'default' },
      tool: { name: 'talos-release', version: '0.1.0' },
    },
    `${spec.releaseVersion}.json`,
  );
}
