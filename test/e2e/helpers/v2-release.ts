// Turns a version 1 release cut against the stand-in into a version 2 one, as the multi-target
// pipeline will write it: a second artifact (a disk image of the stand-in's size) beside the ISO,
// both lists, the installer's per-architecture digests read from the stand-in, and the sums file.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MANIFEST_ACCEPT } from '../../../src/core/installer/index.js';
import type { ReleaseManifest } from '../../../src/core/manifest/index.js';
import { buildProvenance } from '../../../src/core/provenance/index.js';
import { RELEASED_MANIFEST } from './released-repo.js';
import type { TempRepo } from './repo.js';

export const DISK = 'nocloud-amd64.raw.xz';
export const SUMS = 'releases/0.1.0.sha256sums';
export const PROVENANCE = 'releases/0.1.0.intoto.json';

interface V1Fields {
  talos: { factoryUrl: string; schematicId: string };
  os: {
    platform: string;
    architecture: string;
    secureboot: boolean;
    iso: { url: string; localPath: string; sha256: string; size: number };
    installer: { image: string; digest?: string };
  };
  [field: string]: unknown;
}

export async function upgradeToV2(repo: TempRepo, imageSize: number): Promise<void> {
  const manifest = await repo.readJson<V1Fields>(RELEASED_MANIFEST);
  const { iso, installer } = manifest.os;
  const bytes = randomBytes(imageSize);
  const diskPath = `${dirname(iso.localPath)}/${DISK}`;
  await writeFile(repo.path(diskPath), bytes);
  const common = {
    architecture: 'amd64',
    secureboot: false,
    schematicId: manifest.talos.schematicId,
  };
  const artifacts = [
    {
      name: iso.url.split('/').at(-1),
      kind: 'iso',
      platform: manifest.os.platform,
      ...common,
      ...iso,
    },
    {
      name: DISK,
      kind: 'disk',
      platform: 'nocloud',
      ...common,
      url: iso.url.replace(/[^/]+$/, DISK),
      localPath: diskPath,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    },
  ];
  const installers = [
    {
      platform: manifest.os.platform,
      secureboot: manifest.os.secureboot,
      ...installer,
      architectures: await servedArchitectures(manifest.talos.factoryUrl, installer.image),
    },
  ];
  const upgraded = { ...manifest, manifestVersion: 2, artifacts, installers };
  await writeFile(repo.path(RELEASED_MANIFEST), `${JSON.stringify(upgraded, null, 2)}\n`);
  await writeFile(
    repo.path(SUMS),
    artifacts.map((artifact) => `${artifact.sha256}  ${artifact.localPath}\n`).join(''),
  );
  // The provenance the pipeline writes for every release names every artifact: rewritten too.
  const statement = buildProvenance(upgraded as unknown as ReleaseManifest, {
    toolVersion: '0.1.0',
    startedOn: new Date(),
    finishedOn: new Date(),
    invocationId: 'upgraded-to-v2',
  });
  await writeFile(repo.path(PROVENANCE), `${JSON.stringify(statement, null, 2)}\n`);
}

/** The stand-in's index children for the installer, asked directly (proxy mode). */
async function servedArchitectures(factoryUrl: string, image: string) {
  const [repository, tag] = image
    .replace(/@.*$/, '')
    .replace(/^[^/]+\//, '')
    .split(':');
  const response = await fetch(`${factoryUrl}/v2/${repository}/manifests/${tag}`, {
    headers: { accept: MANIFEST_ACCEPT },
  });
  const index = JSON.parse(await responseText(response)) as {
    manifests: { digest: string; platform: { architecture: string } }[];
  };
  return index.manifests.map((m) => ({ architecture: m.platform.architecture, digest: m.digest }));
}

async function responseText(response: Response): Promise<string> {
  if (!response.ok) throw new Error(`the stand-in answered HTTP ${response.status}`);
  return response.text();
}

export const readText = (repo: TempRepo, path: string) => readFile(repo.path(path), 'utf8');
