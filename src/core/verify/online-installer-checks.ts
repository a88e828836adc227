// --online for manifest version 2: every installer the release pins must still resolve, at its
// tag, to the recorded index digest, and that index must list the recorded digest for each
// architecture. One line per installer, naming every value that moved.
import { parseInstallerImage } from '../artifacts/index.js';
import { ExitCode } from '../errors.js';
import type { Http } from '../http/index.js';
import {
  registryBaseUrl,
  resolveIndexChildren,
  resolveInstallerDigest,
} from '../installer/index.js';
import type { ArchitectureDigest } from '../installer/index.js';
import type { ReleaseInstaller, ReleaseManifest } from '../manifest/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { onlineFailure } from './online-checks.js';
import type { OnlineOptions } from './online-checks.js';

const FIX =
  'Pull the installers by the recorded digests (image@digest), not by tag; cut a new release to ship the rebuilt images.';

export async function checkFactoryInstallers(
  manifest: ReleaseManifest,
  installers: readonly ReleaseInstaller[],
  options: OnlineOptions,
): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  for (const [index, installer] of installers.entries()) {
    checks.push(await checkFactoryInstaller(manifest, installer, index, options));
  }
  return checks;
}

async function checkFactoryInstaller(
  manifest: ReleaseManifest,
  installer: ReleaseInstaller,
  index: number,
  options: OnlineOptions & { readonly http: Http },
): Promise<CheckResult> {
  const id = `factory-installer:${installer.image}`;
  const title = `the factory serves installers[${index}] at the recorded digests`;
  const parsed = parseInstallerImage(installer.image);
  if (!parsed) return skipped(id, title, `${installer.image} cannot be parsed`);
  const factoryHost = URL.canParse(manifest.talos.factoryUrl)
    ? new URL(manifest.talos.factoryUrl).host
    : undefined;
  const registryBase = registryBaseUrl(
    manifest.talos.factoryUrl,
    parsed.registryHost === factoryHost ? undefined : parsed.registryHost,
  );
  const repository = `${parsed.imageName}/${parsed.schematicId}`;
  try {
    const { digest } = await resolveInstallerDigest({
      registryBase,
      repository,
      tag: parsed.talosVersion,
      signal: options.signal,
      http: options.http,
      onEvent: (event) => options.onBuilding?.(event.elapsedMs),
    });
    const children = await resolveIndexChildren({
      http: options.http,
      registryBase,
      repository,
      digest,
      signal: options.signal,
    });
    if (installer.digest === undefined && installer.architectures.length === 0) {
      // As for os.installer: a release that could not resolve the digest pinned nothing to compare.
      return skipped(
        id,
        title,
        `no digests were recorded; the factory serves ${describe(digest, children)}`,
      );
    }
    const recorded = describe(installer.digest, installer.architectures);
    const served = describe(digest, children);
    const moved = differences(installer, digest, children);
    if (moved.length === 0) return passed(id, title, `${installer.image}: ${served}`);
    return failed(id, title, {
      detail: [`${installer.image} was rebuilt behind its tag:`, ...moved].join('\n'),
      expected: `${recorded} (installers[${index}])`,
      actual: `${served} (served now)`,
      fix: FIX,
      exitCode: ExitCode.integrity,
    });
  } catch (error) {
    return onlineFailure(id, title, error);
  }
}

function describe(digest: string | undefined, children: readonly ArchitectureDigest[]): string {
  const architectures = children.map((child) => `${child.architecture} ${child.digest}`);
  return [`index ${digest ?? '(none recorded)'}`, ...architectures].join(', ');
}

function differences(
  installer: ReleaseInstaller,
  digest: string,
  children: readonly ArchitectureDigest[],
): string[] {
  const moved: string[] = [];
  if (installer.digest !== undefined && installer.digest !== digest) {
    moved.push(`index: recorded ${installer.digest}, served ${digest}`);
  }
  for (const { architecture, digest: recorded } of installer.architectures) {
    const served = children.find((child) => child.architecture === architecture)?.digest;
    if (served !== recorded) {
      moved.push(`${architecture}: recorded ${recorded}, served ${served ?? 'none'}`);
    }
  }
  for (const child of children) {
    if (!installer.architectures.some((entry) => entry.architecture === child.architecture)) {
      moved.push(`${child.architecture}: not recorded, served ${child.digest}`);
    }
  }
  return moved;
}
