// A version 2 release written to a temp directory: an ISO and a disk image for the vanilla
// schematic, a manifest listing both with one installer, and the sums file, so a test can break
// one thing at a time. Installer digests are the caller's (an online test asks the stand-in).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { artifactRefs } from '../../../src/core/artifacts/index.js';
import { sha256SumsText } from '../../../src/core/manifest/index.js';
import type { ReleaseInstaller, ReleaseManifest } from '../../../src/core/manifest/index.js';

export const VANILLA = 'customization: {}\n';
export const VANILLA_ID = createHash('sha256').update(VANILLA).digest('hex');
export const SUMS = 'releases/1.0.0.sha256sums';
export const MANIFEST = 'releases/1.0.0.json';
const VERSION = 'v1.12.4';

export type InstallerDigests = Pick<ReleaseInstaller, 'digest' | 'architectures'>;

export const PLACEHOLDER_DIGESTS: InstallerDigests = {
  digest: `sha256:${'a'.repeat(64)}`,
  architectures: [
    { architecture: 'amd64', digest: `sha256:${'1'.repeat(64)}` },
    { architecture: 'arm64', digest: `sha256:${'2'.repeat(64)}` },
  ],
};

export interface V2ReleaseOptions {
  readonly factoryUrl?: string;
  readonly imageSize?: number;
  readonly installer?: InstallerDigests;
  /** Changes the manifest after it is built, before it (and the sums file) are written. */
  readonly edit?: (manifest: ReleaseManifest) => void;
  /** False: write no sums file. */
  readonly sums?: boolean;
}

/** Writes the release under `root`; returns the manifest's absolute path. */
export async function writeV2Release(root: string, options: V2ReleaseOptions = {}) {
  const factoryUrl = options.factoryUrl ?? 'https://factory.example.com';
  const refs = artifactRefs({
    factoryUrl,
    schematicId: VANILLA_ID,
    talosVersion: VERSION,
    platform: 'metal',
    arch: 'amd64',
    secureboot: false,
  });
  for (const folder of ['schematics', 'artifacts', 'releases']) {
    await mkdir(join(root, folder), { recursive: true });
  }
  await writeFile(join(root, 'schematics/s.yaml'), VANILLA);
  const artifacts = await Promise.all(
    (['metal-amd64.iso', 'nocloud-amd64.raw.xz'] as const).map(async (name) => {
      const bytes = randomBytes(options.imageSize ?? 5000);
      const localPath = `artifacts/${name}`;
      await writeFile(join(root, localPath), bytes);
      return {
        name,
        kind: name.endsWith('.iso') ? ('iso' as const) : ('disk' as const),
        platform: name.split('-')[0] as 'metal' | 'nocloud',
        architecture: 'amd64' as const,
        secureboot: false,
        schematicId: VANILLA_ID,
        url: refs.isoUrl.replace(/metal-amd64\.iso$/, name),
        localPath,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
      };
    }),
  );
  const [iso] = artifacts;
  const installer = options.installer ?? PLACEHOLDER_DIGESTS;
  const manifest: ReleaseManifest = {
    $schema: './schema.json',
    manifestVersion: 2,
    releaseVersion: '1.0.0',
    generatedAt: '2026-11-22T03:00:00.000Z',
    channel: 'stable',
    talos: {
      version: VERSION,
      schematicId: VANILLA_ID,
      schematicPath: 'schematics/s.yaml',
      schematic: VANILLA,
      factoryUrl,
      extensions: [],
    },
    kubernetes: { version: '1.35.0' },
    os: {
      platform: 'metal',
      architecture: 'amd64',
      secureboot: false,
      iso: { url: iso!.url, localPath: iso!.localPath, sha256: iso!.sha256, size: iso!.size },
      installer: { image: refs.installerImage, digest: installer.digest },
    },
    artifacts,
    installers: [
      {
        platform: 'metal',
        secureboot: false,
        image: refs.installerImage,
        digest: installer.digest,
        architectures: installer.architectures.map((entry) => ({ ...entry })),
      },
    ],
    app: { version: '2.0.0', valuesProfile: 'default' },
    tool: { name: 'talos-release', version: '0.1.0' },
  };
  options.edit?.(manifest);
  if (options.sums !== false) {
    await writeFile(join(root, SUMS), sha256SumsText(manifest.artifacts ?? []));
  }
  const path = join(root, MANIFEST);
  await writeFile(path, JSON.stringify(manifest));
  return path;
}
