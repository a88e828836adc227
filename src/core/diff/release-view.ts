// Version 1 and version 2 manifests seen the same way: a v1 manifest's os.iso is its one
// artifact and its os.installer its one installer, so the two shapes diff alike.
import type { ReleaseArtifact, ReleaseInstaller, ReleaseManifest } from '../manifest/index.js';

export interface ArtifactView {
  /** The factory asset path, e.g. metal-amd64.iso: what names a target across releases. */
  readonly name: string;
  readonly url: string;
  readonly localPath: string;
  readonly sha256: string;
  readonly size: number;
}

export interface InstallerView {
  readonly platform: string;
  readonly secureboot: boolean;
  readonly image: string;
  readonly digest: string | undefined;
}

export function artifactsOf(manifest: ReleaseManifest): ArtifactView[] {
  const listed: readonly ReleaseArtifact[] | undefined = manifest.artifacts;
  if (listed)
    return listed.map(({ name, url, localPath, sha256, size }) => ({
      name,
      url,
      localPath,
      sha256,
      size,
    }));
  const { iso } = manifest.os;
  return [
    {
      name: assetName(iso.url),
      url: iso.url,
      localPath: iso.localPath,
      sha256: iso.sha256,
      size: iso.size,
    },
  ];
}

export function installersOf(manifest: ReleaseManifest): InstallerView[] {
  const listed: readonly ReleaseInstaller[] | undefined = manifest.installers;
  if (listed) {
    return listed.map(({ platform, secureboot, image, digest }) => ({
      platform,
      secureboot,
      image,
      digest,
    }));
  }
  const { platform, secureboot, installer } = manifest.os;
  return [{ platform, secureboot, image: installer.image, digest: installer.digest }];
}

/** What `talosctl upgrade --image` takes: pinned by digest when the release recorded one. */
export function pinnedReference(installer: InstallerView): string {
  if (installer.digest === undefined) return installer.image;
  // The tag stays for people reading it; the digest is what the registry resolves.
  return `${installer.image}@${installer.digest}`;
}

/** `<platform>[-secureboot]`: what tells one installer of a release from another. */
export function installerKey(installer: InstallerView): string {
  return `${installer.platform}${installer.secureboot ? '-secureboot' : ''}`;
}

/** The last path segment of an image URL (`.../v1.12.4/metal-amd64.iso` → `metal-amd64.iso`). */
function assetName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}
