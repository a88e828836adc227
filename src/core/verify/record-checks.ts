// Fields a person can edit by hand into something the tool would never have written: a
// releaseVersion that is not the file's name (the channel and the next release find manifests
// by name), and a Kubernetes version the recorded Talos version does not run.
import { basename } from 'node:path';
import { ExitCode, ReleaseError } from '../errors.js';
import { checkKubernetesVersion, supportedKubernetesRange } from '../kubernetes/index.js';
import { RELEASE_VERSION_PATTERN } from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';

const FIX = 'Restore the manifest from version control, or cut the release again.';

/** `shownPath` is how the operator knows the file, e.g. `releases/1.4.2.json`. */
export function checkReleaseVersionFile(manifest: ReleaseManifest, shownPath: string): CheckResult {
  const title = 'releaseVersion is the manifest file name';
  const named = basename(shownPath).replace(/\.json$/, '');
  // A copy kept under another name (backup.json) says nothing about which release it is.
  if (!RELEASE_VERSION_PATTERN.test(named)) {
    return skipped(
      'release-version',
      title,
      `${basename(shownPath)} is not named after a release version, so there is nothing to compare`,
    );
  }
  if (named === manifest.releaseVersion) return passed('release-version', title, named);
  return failed('release-version', title, {
    detail: 'the file name and the releaseVersion inside it name different releases',
    expected: `${named} (the file name ${shownPath})`,
    actual: `${manifest.releaseVersion} (releaseVersion)`,
    fix: `${FIX} A release is renamed by cutting it again, never by editing releaseVersion.`,
    exitCode: ExitCode.integrity,
  });
}

export function checkKubernetesSupported(manifest: ReleaseManifest): CheckResult {
  const talos = manifest.talos.version;
  const kubernetes = manifest.kubernetes.version;
  const title = 'kubernetes.version is one that talos.version supports';
  try {
    checkKubernetesVersion(talos, kubernetes);
    return passed('kubernetes', title, `Kubernetes ${kubernetes} on Talos ${talos}`);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return failed('kubernetes', title, {
      detail: error.message,
      expected: supportedText(talos),
      actual: `${kubernetes} (kubernetes.version)`,
      fix: FIX,
      exitCode: ExitCode.integrity,
    });
  }
}

function supportedText(talos: string): string {
  try {
    const { min, max } = supportedKubernetesRange(talos);
    return `Kubernetes ${min}.x to ${max}.x (what Talos ${talos} supports)`;
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return `a Talos 1.x talos.version (found ${talos})`;
  }
}
