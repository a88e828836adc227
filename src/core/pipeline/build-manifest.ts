// Assembles the release manifest from the plan and what the network gave back, and validates it
// against the schema before anyone may write it.
import type { DownloadResult } from '../download/index.js';
import { RELEASE_MANIFEST_SCHEMA_REF, parseManifestObject } from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import type { InstallerResolution } from './artifacts.js';
import type { ReleasePlan } from './plan.js';

export interface ManifestInputs {
  readonly iso: Pick<DownloadResult, 'sha256' | 'size'>;
  readonly installer: InstallerResolution;
  readonly generatedAt: Date;
  readonly toolVersion: string;
}

export function buildManifest(plan: ReleasePlan, inputs: ManifestInputs): ReleaseManifest {
  return parseManifestObject(manifestCandidate(plan, inputs), plan.paths.manifestRelative);
}

/** The manifest before validation; a dry run shows it with the hash and digest still pending. */
export function manifestCandidate(
  plan: ReleasePlan,
  inputs: {
    readonly iso: { readonly sha256: string; readonly size: number | string };
    readonly installer: { readonly digest: string | undefined };
    readonly generatedAt: Date;
    readonly toolVersion: string;
  },
): Record<string, unknown> {
  const { answers } = plan;
  return {
    $schema: RELEASE_MANIFEST_SCHEMA_REF,
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
      platform: answers.platform,
      architecture: answers.arch,
      secureboot: answers.secureboot,
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
    app: { version: answers.appVersion, valuesProfile: answers.valuesProfile },
    tool: { name: 'talos-release', version: inputs.toolVersion },
  };
}
