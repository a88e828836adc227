// The short form of `talos-release diff` in the Preview: what this release changes since the
// channel's current one, on a line or two, so the operator sees it before submitting.
import { changesSince } from '../../../core/diff/index.js';
import type { ReleaseManifest } from '../../../core/manifest/index.js';
import type { ReleasePlan } from '../../../core/pipeline/index.js';
import { Tone } from '../../theme.js';

export interface ChangesSinceProps {
  /** The channel's current release; nothing is shown before a channel's first release. */
  readonly previous: ReleaseManifest | undefined;
  readonly plan: ReleasePlan;
}

export function ChangesSince({ previous, plan }: ChangesSinceProps) {
  if (!previous) return null;
  const { answers } = plan;
  const phrases = changesSince(previous, {
    releaseVersion: answers.releaseVersion,
    talosVersion: answers.talosVersion,
    kubernetesVersion: answers.kubernetesVersion,
    appVersion: answers.appVersion,
    valuesProfile: answers.valuesProfile,
    canonical: plan.canonical,
    schematicId: plan.schematicId,
    extensions: plan.extensions,
    bom: plan.bom,
  });
  const text = phrases.length > 0 ? phrases.join(' · ') : 'nothing';
  return (
    <Tone tone="plain" wrap="wrap">
      {`Changes since ${previous.releaseVersion}: ${text}`}
    </Tone>
  );
}
