// The addresses in a manifest must be the ones the factory's templates give for its own fields:
// a URL or reference edited by hand (or by a bad merge) would ship another image than recorded.
import { artifactRefs, parseInstallerImage } from '../artifacts/index.js';
import type { ArtifactRefs } from '../artifacts/index.js';
import { errnoCode, ExitCode, ReleaseError } from '../errors.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { failed, passed } from './checklist.js';
import type { CheckResult } from './checklist.js';

const FIX = 'Restore the manifest from version control, or cut the release again.';

/** The references derived from the manifest's talos.* and os.* fields; a string says why not. */
export function derivedRefs(manifest: ReleaseManifest): ArtifactRefs | string {
  try {
    const common = {
      factoryUrl: manifest.talos.factoryUrl,
      // The registry host may legitimately differ from the factory's (--registry), and nothing
      // else in the manifest records it: take it from the reference, check everything after it.
      registry: parseInstallerImage(manifest.os.installer.image)?.registryHost,
      schematicId: manifest.talos.schematicId,
      talosVersion: manifest.talos.version,
      arch: manifest.os.architecture,
    };
    const { platform, secureboot } = manifest.os;
    const isoRefs = artifactRefs({ ...common, platform, secureboot });
    // Version 2 records the primary installer's own platform; version 1's is the ISO's.
    const installer = manifest.installers?.[0];
    if (!installer) return isoRefs;
    const installerRefs = artifactRefs({
      ...common,
      platform: installer.platform,
      secureboot: installer.secureboot,
    });
    return {
      ...isoRefs,
      installerImage: installerRefs.installerImage,
      installerRepository: installerRefs.installerRepository,
    };
  } catch (error) {
    if (error instanceof ReleaseError) return error.message;
    // talos.factoryUrl passed the schema's pattern but is still not a URL (e.g. `http://[x`).
    if (errnoCode(error) === 'ERR_INVALID_URL') {
      return `talos.factoryUrl is not a URL: ${JSON.stringify(manifest.talos.factoryUrl)}`;
    }
    throw error;
  }
}

export function checkIsoUrl(manifest: ReleaseManifest, refs: ArtifactRefs | string): CheckResult {
  const title = 'os.iso.url is the factory URL for this schematic, version and platform';
  if (typeof refs === 'string') return underivable('iso-url', title, refs);
  if (manifest.os.iso.url === refs.isoUrl) return passed('iso-url', title, refs.isoUrl);
  return failed('iso-url', title, {
    expected: refs.isoUrl,
    actual: manifest.os.iso.url,
    fix: FIX,
    exitCode: ExitCode.integrity,
  });
}

export function checkInstallerImage(
  manifest: ReleaseManifest,
  refs: ArtifactRefs | string,
): CheckResult {
  const title = 'os.installer.image is the installer for this schematic, version and platform';
  if (typeof refs === 'string') return underivable('installer-image', title, refs);
  const { image, digest } = manifest.os.installer;
  const pinned = parseInstallerImage(image)?.digest;
  // A reference pinned with @digest is the same image as long as the digest agrees.
  const unpinned = pinned ? image.slice(0, image.lastIndexOf('@')) : image;
  if (unpinned !== refs.installerImage) {
    return failed('installer-image', title, {
      expected: refs.installerImage,
      actual: image,
      fix: FIX,
      exitCode: ExitCode.integrity,
    });
  }
  if (pinned && digest && pinned !== digest) {
    return failed('installer-image', title, {
      detail: 'the digest pinned in the reference differs from os.installer.digest',
      expected: digest,
      actual: pinned,
      fix: FIX,
      exitCode: ExitCode.integrity,
    });
  }
  return passed('installer-image', title, image);
}

function underivable(id: string, title: string, why: string): CheckResult {
  return failed(id, title, {
    detail: `cannot derive it from the manifest's fields: ${why}`,
    fix: FIX,
    exitCode: ExitCode.integrity,
  });
}
