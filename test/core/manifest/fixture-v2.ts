// A consistent version 2 manifest: the version 1 fixture plus the lists, whose primary entries are
// exactly os.iso and os.installer, and a second artifact (a disk image) beside the ISO.
import { schematicId, validManifest } from './fixture.js';

type Entry = Record<string, unknown>;

export function validManifestV2() {
  const manifest = validManifest();
  const iso = manifest.os.iso as Entry & { url: string };
  const installer = manifest.os.installer as Entry & { image: string; digest: string };
  const disk = iso.url.replace(/metal-amd64\.iso$/, 'nocloud-amd64.raw.xz');
  const artifacts: Entry[] = [
    {
      name: 'metal-amd64.iso',
      kind: 'iso',
      platform: 'metal',
      architecture: 'amd64',
      secureboot: false,
      schematicId,
      ...iso,
    },
    {
      name: 'nocloud-amd64.raw.xz',
      kind: 'disk',
      platform: 'nocloud',
      architecture: 'amd64',
      secureboot: false,
      schematicId,
      url: disk,
      localPath: 'artifacts/nocloud-amd64.raw.xz',
      sha256: 'f'.repeat(64),
      size: 654_321,
    },
  ];
  const installers: (Entry & { architectures: Entry[] })[] = [
    {
      platform: 'metal',
      secureboot: false,
      image: installer.image,
      digest: installer.digest,
      architectures: [
        { architecture: 'amd64', digest: `sha256:${'1'.repeat(64)}` },
        { architecture: 'arm64', digest: `sha256:${'2'.repeat(64)}` },
      ],
    },
  ];
  return { ...manifest, manifestVersion: 2, artifacts, installers };
}
