// The release's provenance: an in-toto Statement v1 whose subjects are every artifact (by its
// SHA-256) and every pinned installer (by its index digest), with a SLSA Provenance v1 predicate
// saying what was asked of the factory and which tool did it (docs/distribution-protocol.md
// §6). Built from the manifest alone, so verify can rebuild the subject list.
import type { ReleaseManifest } from '../manifest/index.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/** What kind of build this is: a release assembled from the Image Factory's outputs. */
export const BUILD_TYPE = 'urn:talos-release:buildtype:factory-release:v1';

export interface ResourceDescriptor {
  readonly name?: string;
  readonly uri?: string;
  readonly digest: Readonly<Record<string, string>>;
}

export interface ProvenanceStatement {
  readonly _type: typeof STATEMENT_TYPE;
  readonly subject: readonly ResourceDescriptor[];
  readonly predicateType: typeof SLSA_PROVENANCE_V1;
  readonly predicate: {
    readonly buildDefinition: {
      readonly buildType: string;
      readonly externalParameters: Readonly<Record<string, unknown>>;
      readonly internalParameters: Readonly<Record<string, unknown>>;
      readonly resolvedDependencies: readonly ResourceDescriptor[];
    };
    readonly runDetails: {
      readonly builder: { readonly id: string; readonly version: Record<string, string> };
      readonly metadata: {
        readonly invocationId: string;
        readonly startedOn: string;
        readonly finishedOn: string;
      };
    };
  };
}

export interface SchematicParameter {
  readonly id: string;
  /** The canonical YAML the factory stored; absent when only the ID is known. */
  readonly yaml?: string | undefined;
}

export interface ProvenanceOptions {
  readonly toolVersion: string;
  readonly startedOn: Date;
  readonly finishedOn: Date;
  readonly invocationId: string;
  /**
   * Schematics of targets that name their own (an SBC overlay); the release's own comes from the
   * manifest. Each is listed once, by ID.
   */
  readonly schematics?: readonly SchematicParameter[] | undefined;
}

/** The tool and its version as one URI: a package URL. */
export function builderId(toolVersion: string): string {
  return `pkg:npm/talos-release@${toolVersion}`;
}

/** Every artifact by path and every resolved installer by tag, as statement subjects. */
export function provenanceSubjects(manifest: ReleaseManifest): ResourceDescriptor[] {
  const artifacts = manifest.artifacts ?? [manifest.os.iso];
  const installers = manifest.installers ?? [manifest.os.installer];
  return [
    ...artifacts.map((a) => ({ name: a.localPath, digest: { sha256: a.sha256 } })),
    ...installers.flatMap((i) =>
      i.digest === undefined
        ? []
        : [{ name: i.image.replace(/@sha256:[0-9a-f]{64}$/, ''), digest: digestOf(i.digest) }],
    ),
  ];
}

export function buildProvenance(
  manifest: ReleaseManifest,
  options: ProvenanceOptions,
): ProvenanceStatement {
  const own: SchematicParameter = {
    id: manifest.talos.schematicId,
    yaml: manifest.talos.schematic,
  };
  const schematics = [own];
  for (const other of options.schematics ?? []) {
    if (!schematics.some((s) => s.id === other.id)) schematics.push(other);
  }
  // Target schematics known only by ID (the manifest records IDs per artifact).
  for (const artifact of manifest.artifacts ?? []) {
    if (!schematics.some((s) => s.id === artifact.schematicId)) {
      schematics.push({ id: artifact.schematicId });
    }
  }
  const artifacts = manifest.artifacts ?? [];
  return {
    _type: STATEMENT_TYPE,
    subject: provenanceSubjects(manifest),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          factoryUrl: manifest.talos.factoryUrl,
          talosVersion: manifest.talos.version,
          schematics,
          targets:
            artifacts.length > 0
              ? artifacts.map((a) => a.name)
              : [manifest.os.iso.url.split('/').at(-1) ?? manifest.os.iso.url],
          installers: (manifest.installers ?? [manifest.os.installer]).map((i) => i.image),
          releaseVersion: manifest.releaseVersion,
          channel: manifest.channel,
          app: manifest.app,
        },
        internalParameters: { kubernetesVersion: manifest.kubernetes.version },
        // What went into the images: each official extension, pinned by digest.
        resolvedDependencies: manifest.talos.extensions.map((e) => ({
          name: e.name,
          uri: e.ref,
          digest: digestOf(e.digest),
        })),
      },
      runDetails: {
        builder: {
          id: builderId(options.toolVersion),
          version: { 'talos-release': options.toolVersion },
        },
        metadata: {
          invocationId: options.invocationId,
          startedOn: options.startedOn.toISOString(),
          finishedOn: options.finishedOn.toISOString(),
        },
      },
    },
  };
}

/** `sha256:<hex>` as an in-toto digest set. */
function digestOf(ociDigest: string): Record<string, string> {
  const [algorithm, hex] = ociDigest.split(':');
  return algorithm && hex ? { [algorithm]: hex } : { sha256: ociDigest };
}

/** Beside the manifest and its sums: `releases/<version>.intoto.json`. */
export function provenancePathFor(releaseVersion: string): string {
  return `releases/${releaseVersion}.intoto.json`;
}
