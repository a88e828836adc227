// Which installers a release mirrors, and where each goes: the factory's
// `<host>/<platform>-installer[-secureboot]/<id>:<talos version>` is copied by digest to
// `<registry>/<prefix>/<platform>-installer[-secureboot]` and tagged with the Talos version.
import { IntegrityError } from '../errors.js';
import { registryBaseUrl } from '../installer/index.js';
import type { ReleaseManifest } from '../manifest/index.js';

export interface InstallerToMirror {
  /** The recorded reference by tag, e.g. `factory.talos.dev/metal-installer/<id>:v1.11.5`. */
  readonly image: string;
  /** The recorded index digest: the mirror must hold exactly this. */
  readonly digest: string;
  /** Where to read it: the factory's registry frontend (or the registry it names). */
  readonly sourceBase: string;
  /** `metal-installer/<id>` in the source. */
  readonly sourceRepository: string;
  /** `<prefix>/metal-installer` in the destination. */
  readonly repository: string;
  readonly tag: string;
}

export function installersToMirror(
  manifest: ReleaseManifest,
  prefix: string,
): readonly InstallerToMirror[] {
  const recorded = manifest.installers ?? [manifest.os.installer];
  return recorded.map((installer) => {
    const parsed = parseImage(installer.image);
    if (!installer.digest)
      throw new IntegrityError(
        `release ${manifest.releaseVersion} did not pin ${installer.image} by digest, so it cannot be mirrored byte-exact`,
        {
          hint: 'Cut the release again with the factory reachable, so the installer digest is recorded.',
        },
      );
    const factoryHost = new URL(manifest.talos.factoryUrl).host;
    return {
      image: installer.image,
      digest: installer.digest,
      sourceBase: registryBaseUrl(
        manifest.talos.factoryUrl,
        parsed.host === factoryHost ? undefined : parsed.host,
      ),
      sourceRepository: parsed.repository,
      repository: `${prefix}/${parsed.repository.split('/')[0] ?? parsed.repository}`,
      tag: parsed.tag,
    };
  });
}

function parseImage(image: string): { host: string; repository: string; tag: string } {
  const match = /^([^/]+)\/(.+):([^:/@]+)(?:@sha256:[0-9a-f]{64})?$/.exec(image);
  if (!match?.[1] || !match[2] || !match[3])
    throw new IntegrityError(`the installer reference ${image} is not <host>/<repository>:<tag>`, {
      hint: 'The release manifest was edited by hand; run talos-release verify on it.',
    });
  return { host: match[1], repository: match[2], tag: match[3] };
}
