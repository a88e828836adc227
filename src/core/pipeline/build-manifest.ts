// Assembles the release manifest from the plan and what the network gave back, and validates it
// against the schema before anyone may write it.
import type { DownloadResult } from '../download/index.js';
import {
  MANIFEST_VERSION,
  RELEASE_MANIFEST_SCHEMA_REF,
  parseManifestObject,
} from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import type { InstallerResolution, ResolvedInstaller } from './artifacts.js';
import type { ReleasePlan } from './plan.js';
import { firstIso } from './targets-plan.js';

export interface ManifestInputs {
  readonly downloads: ReadonlyMap<string, Pick<DownloadResult, 'sha256' | 'size'>>;
  readonly installers: readonly ResolvedInstaller[];
  readonly generatedAt: Date;
  readonly toolVersion: string;
}

/** A release of one ISO and one installer, as before version 2 (kept for existing callers). */
export interface SingleTargetInputs {
  readonly iso: Pick<DownloadResult, 'sha256' | 'size'>;
  readonly installer: InstallerResolution;
  readonly generatedAt: Date;
  readonly toolVersion: string;
}

type Hashed = { readonly sha256: string; readonly size: number | string };

export function buildManifest(
  plan: ReleasePlan,
  given: ManifestInputs | SingleTargetInputs,
): ReleaseManifest {
  const inputs = 'iso' in given ? asManifestInputs(plan, given) : given;
  const hashed = (name: string): Hashed => {
    const result = inputs.downloads.get(name);
    if (!result) throw new Error(`bug: no download result for target ${name}`);
    return { sha256: result.sha256, size: result.size };
  };
  const candidate = manifestCandidate(plan, {
    iso: hashed(firstIso(plan.targets).name),
    installer: inputs.installers[0] ?? { digest: undefined },
    hashed,
    installers: inputs.installers,
    generatedAt: inputs.generatedAt,
    toolVersion: inputs.toolVersion,
  });
  return parseManifestObject(candidate, plan.paths.manifestRelative);
}

function asManifestInputs(plan: ReleasePlan, single: SingleTargetInputs): ManifestInputs {
  const installer = plan.installers[0];
  return {
    downloads: new Map([[firstIso(plan.targets).name, single.iso]]),
    installers: installer ? [{ ...installer, ...single.installer, architectures: [] }] : [],
    generatedAt: single.generatedAt,
    toolVersion: single.toolVersion,
  };
}

/** `artifacts[]`: every target in the plan's order, with what its download computed. */
function artifactEntries(plan: ReleasePlan, hashed: (name: string) => Hashed): unknown[] {
  return plan.targets.map((target) => ({
    name: target.name,
    kind: target.kind,
    ...(target.platform === undefined ? {} : { platform: target.platform }),
    architecture: target.arch,
    secureboot: target.secureboot,
    schematicId: target.schematicId,
    url: target.url,
    localPath: target.localPathRelative,
    ...hashed(target.name),
  }));
}

/** `installers[]`: every installer in the plan's order; a digest only when resolved. */
function installerEntries(
  plan: ReleasePlan,
  resolved: readonly Partial<Pick<ResolvedInstaller, 'digest' | 'architectures'>>[] | undefined,
): unknown[] {
  return plan.installers.map((installer, i) => {
    const found = resolved?.[i];
    return {
      platform: installer.platform,
      secureboot: installer.secureboot,
      image: installer.image,
      ...(found?.digest ? { digest: found.digest } : {}),
      architectures: found?.architectures ?? [],
    };
  });
}

/** The manifest before validation; a dry run shows it with the hash and digest still pending. */
export function manifestCandidate(
  plan: ReleasePlan,
  inputs: {
    readonly iso: { readonly sha256: string; readonly size: number | string };
    readonly installer: { readonly digest: string | undefined };
    /** Each target's hash and size; a dry run shows them pending. */
    readonly hashed: (name: string) => Hashed;
    readonly installers?: readonly ResolvedInstaller[] | undefined;
    readonly generatedAt: Date;
    readonly toolVersion: string;
  },
): Record<string, unknown> {
  const { answers } = plan;
  const iso = firstIso(plan.targets);
  return {
    $schema: RELEASE_MANIFEST_SCHEMA_REF,
    manifestVersion: MANIFEST_VERSION,
    releaseVersion: answers.releaseVersion,
    generatedAt: inputs.generatedAt.toISOString(),
    channel: answers.channel,
    talos: {
      version: answers.talosVersion,
      schematicId: plan.schematicId,
      schematicPath: plan.paths.schematicRelative,
      schematic: plan.canonical,
      factoryUrl: answers.factoryUrl,
      extensions: plan.bom.map(({ name, ref, digest }) => ({ name, ref, digest })),
    },
    kubernetes: { version: answers.kubernetesVersion },
    os: {
      platform: iso.platform,
      architecture: iso.arch,
      secureboot: iso.secureboot,
      iso: {
        url: plan.refs.isoUrl,
        localPath: plan.paths.isoRelative,
        sha256: inputs.iso.sha256,
        size: inputs.iso.size,
      },
      installer: {
        image: plan.refs.installerImage,
        ...(inputs.installer.digest ? { digest: inputs.installer.digest } : {}),
      },
    },
    artifacts: artifactEntries(plan, inputs.hashed),
    installers: installerEntries(plan, inputs.installers),
    app: { version: answers.appVersion, valuesProfile: answers.valuesProfile },
    tool: { name: 'talos-release', version: inputs.toolVersion },
  };
}
