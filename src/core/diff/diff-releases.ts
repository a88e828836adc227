// Everything an operator tells the people who upgrade: what changed from one release to the
// next, computed from the two manifests alone (no network).
import type { ReleaseManifest } from '../manifest/index.js';
import { skippedMinors } from './minor-skip.js';
import { artifactsOf, installerKey, installersOf, pinnedReference } from './release-view.js';
import type { ArtifactView } from './release-view.js';
import { schematicChanges } from './schematic-changes.js';
import type { SchematicChanges } from './schematic-changes.js';

export interface ValueChange {
  readonly from: string;
  readonly to: string;
  readonly changed: boolean;
}

export interface ExtensionVersion {
  readonly name: string;
  /** The image tag, e.g. v0.2.0 (from the recorded ref). */
  readonly tag: string;
  readonly ref: string;
  readonly digest: string;
}

export interface ExtensionChange {
  readonly name: string;
  readonly from: ExtensionVersion;
  readonly to: ExtensionVersion;
}

export interface InstallerChange {
  /** `<platform>[-secureboot]`. */
  readonly key: string;
  /** The pinned references; absent when the release has no such installer. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ReleaseDiff {
  readonly from: { readonly releaseVersion: string; readonly generatedAt: string };
  readonly to: { readonly releaseVersion: string; readonly generatedAt: string };
  readonly channel: string;
  readonly talos: ValueChange;
  /** Minor lines the Talos upgrade jumps over, e.g. ['1.12']; see minor-skip.ts. */
  readonly skippedTalosMinors: string[];
  readonly kubernetes: ValueChange;
  readonly extensions: {
    readonly added: ExtensionVersion[];
    readonly removed: ExtensionVersion[];
    readonly changed: ExtensionChange[];
  };
  readonly schematic: SchematicChanges;
  readonly targets: { readonly added: string[]; readonly removed: string[] };
  readonly installers: InstallerChange[];
  readonly app: { readonly version: ValueChange; readonly valuesProfile: ValueChange };
  /** The newer release's images, for release notes. */
  readonly artifacts: ArtifactView[];
  /** The newer release's installers, pinned, for upgrade commands. */
  readonly upgradeImages: { readonly key: string; readonly image: string }[];
}

export function diffReleases(from: ReleaseManifest, to: ReleaseManifest): ReleaseDiff {
  const fromTargets = artifactsOf(from).map((artifact) => artifact.name);
  const toArtifacts = artifactsOf(to);
  const toTargets = toArtifacts.map((artifact) => artifact.name);
  return {
    from: { releaseVersion: from.releaseVersion, generatedAt: from.generatedAt },
    to: { releaseVersion: to.releaseVersion, generatedAt: to.generatedAt },
    channel: to.channel,
    talos: change(from.talos.version, to.talos.version),
    skippedTalosMinors: skippedMinors(from.talos.version, to.talos.version),
    kubernetes: change(from.kubernetes.version, to.kubernetes.version),
    extensions: extensionChanges(from.talos.extensions, to.talos.extensions),
    schematic: schematicChanges(from, to),
    targets: {
      added: toTargets.filter((name) => !fromTargets.includes(name)),
      removed: fromTargets.filter((name) => !toTargets.includes(name)),
    },
    installers: installerChanges(from, to),
    app: {
      version: change(from.app.version, to.app.version),
      valuesProfile: change(from.app.valuesProfile, to.app.valuesProfile),
    },
    artifacts: toArtifacts,
    upgradeImages: installersOf(to).map((installer) => ({
      key: installerKey(installer),
      image: pinnedReference(installer),
    })),
  };
}

function change(from: string, to: string): ValueChange {
  return { from, to, changed: from !== to };
}

/** Extensions by name: added, removed, and those whose ref or digest changed. */
export function extensionChanges(
  before: readonly BomLine[],
  after: readonly BomLine[],
): ReleaseDiff['extensions'] {
  const old = new Map(before.map((entry) => [entry.name, versionOf(entry)]));
  const next = new Map(after.map((entry) => [entry.name, versionOf(entry)]));
  const changed: ExtensionChange[] = [];
  for (const [name, version] of next) {
    const was = old.get(name);
    if (was && (was.ref !== version.ref || was.digest !== version.digest)) {
      changed.push({ name, from: was, to: version });
    }
  }
  return {
    added: [...next.values()].filter((entry) => !old.has(entry.name)),
    removed: [...old.values()].filter((entry) => !next.has(entry.name)),
    changed,
  };
}

interface BomLine {
  readonly name: string;
  readonly ref: string;
  readonly digest: string;
}

/** The tag of `registry/repo:tag` (a port's colon comes before the last slash). */
export function tagOf(ref: string): string {
  const withoutDigest = ref.split('@')[0] ?? ref;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(colon + 1) : 'latest';
}

function versionOf(entry: BomLine): ExtensionVersion {
  return { name: entry.name, tag: tagOf(entry.ref), ref: entry.ref, digest: entry.digest };
}

function installerChanges(from: ReleaseManifest, to: ReleaseManifest): InstallerChange[] {
  const before = new Map(installersOf(from).map((i) => [installerKey(i), pinnedReference(i)]));
  const after = new Map(installersOf(to).map((i) => [installerKey(i), pinnedReference(i)]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => ({ key, from: before.get(key), to: after.get(key) }));
}
