// What a person reads on stdout when the pipeline is done (or would be, in a dry run).
import type { ReleaseOutcome } from '../../core/pipeline/run.js';

type Released = Extract<ReleaseOutcome, { kind: 'released' }>;
type DryRun = Extract<ReleaseOutcome, { kind: 'dry-run' }>;

export function describeRelease(outcome: Released): string {
  const { plan, manifest, iso, installer, written } = outcome;
  const pinned = installer.pinned ?? plan.refs.installerImage;
  const lines = [
    `Release ${manifest.releaseVersion} written (channel ${plan.answers.channel}).`,
    `  manifest:   ${plan.paths.manifestRelative}`,
    `  channel:    ${plan.paths.channelRelative}`,
    ...(written.schematicPath
      ? [`  schematic:  ${plan.paths.schematicRelative} (extensions updated)`]
      : []),
    `  talos:      ${plan.answers.talosVersion}, schematic ${plan.schematicId}`,
    `  kubernetes: ${plan.answers.kubernetesVersion}`,
    `  iso:        ${plan.paths.isoRelative} (${iso.size} bytes${iso.reused ? ', reused' : ''})`,
    `  sha256:     ${iso.sha256} (computed locally while downloading)`,
    `  installer:  ${pinned}`,
    ...(installer.reason ? [`              (digest not recorded: ${installer.reason})`] : []),
    '',
    'Next, upgrade a node to this release:',
    `  talosctl upgrade --nodes <node> --image ${pinned}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function describeDryRun(outcome: DryRun): string {
  const { plan, manifest } = outcome;
  const lines = [
    'Dry run: nothing was submitted, downloaded or written.',
    '',
    `Schematic (normal form, ${plan.paths.schematicRelative}):`,
    ...plan.canonical
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => `  ${line}`),
    '',
    `schematic ID:  ${plan.schematicId} (computed locally)`,
    `ISO URL:       ${plan.refs.isoUrl}`,
    `installer:     ${plan.refs.installerImage}`,
    `manifest:      ${plan.paths.manifestRelative}`,
    `channel:       ${plan.paths.channelRelative}`,
    `ISO file:      ${plan.paths.isoRelative}`,
    '',
    'Manifest that would be written:',
    JSON.stringify(manifest, null, 2),
  ];
  return `${lines.join('\n')}\n`;
}
