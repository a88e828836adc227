// The short form of a release diff, for the wizard's Preview: what the release being prepared
// changes since the channel's current release, a few words per kind of change.
import type { ReleaseManifest } from '../manifest/index.js';
import { extensionChanges } from './diff-releases.js';
import { skippedMinors } from './minor-skip.js';
import { compareSchematics } from './schematic-changes.js';

export interface PlannedRelease {
  readonly releaseVersion: string;
  readonly talosVersion: string;
  readonly kubernetesVersion: string;
  readonly appVersion: string;
  readonly valuesProfile: string;
  readonly canonical: string;
  readonly schematicId: string;
  /** The official extensions by name, in the order the schematic lists them. */
  readonly extensions: readonly string[];
  /** Their refs and digests; empty when the catalogue was not consulted (names compared only). */
  readonly bom: readonly { name: string; ref: string; digest: string }[];
}

/** One phrase per change, e.g. `Talos v1.12.4 → v1.13.9 (skips 1.12)`; empty when nothing changed. */
export function changesSince(previous: ReleaseManifest, next: PlannedRelease): string[] {
  const phrases: string[] = [];
  const value = (label: string, from: string, to: string, note = ''): void => {
    if (from !== to) phrases.push(`${label} ${from} → ${to}${note}`);
  };
  const skipped = skippedMinors(previous.talos.version, next.talosVersion);
  const skipNote = skipped.length > 0 ? ` (skips ${skipped.join(', ')})` : '';
  value('Talos', previous.talos.version, next.talosVersion, skipNote);
  value('Kubernetes', previous.kubernetes.version, next.kubernetesVersion);
  value('app', previous.app.version, next.appVersion);
  value('values profile', previous.app.valuesProfile, next.valuesProfile);
  const extensions = extensionPhrase(previous, next);
  if (extensions) phrases.push(extensions);
  const schematic = compareSchematics(
    {
      label: previous.releaseVersion,
      text: previous.talos.schematic,
      id: previous.talos.schematicId,
    },
    { label: next.releaseVersion, text: next.canonical, id: next.schematicId },
  );
  const { added, removed, reordered } = schematic.kernelArgs;
  const args = [...added.map((a) => `+${a}`), ...removed.map((a) => `-${a}`)];
  if (args.length > 0) phrases.push(`kernel args ${args.join(' ')}`);
  else if (reordered) phrases.push('kernel args reordered');
  if (schematic.meta.length > 0) {
    phrases.push(`META ${schematic.meta.map((m) => m.key).join(', ')} changed`);
  }
  return phrases;
}

function extensionPhrase(previous: ReleaseManifest, next: PlannedRelease): string | undefined {
  const names = (list: readonly { name: string }[]): string[] => list.map((e) => e.name);
  // Without the catalogue's refs, only names can be compared.
  const after =
    next.bom.length > 0 ? next.bom : next.extensions.map((name) => ({ name, ref: '', digest: '' }));
  const before =
    next.bom.length > 0
      ? previous.talos.extensions
      : previous.talos.extensions.map(({ name }) => ({ name, ref: '', digest: '' }));
  const { added, removed, changed } = extensionChanges(before, after);
  const parts = [
    ...names(added).map((name) => `+${name}`),
    ...names(removed).map((name) => `-${name}`),
    ...changed.map((e) => `${e.name} ${e.from.tag} → ${e.to.tag}`),
  ];
  return parts.length > 0 ? `extensions ${parts.join(' ')}` : undefined;
}
