// What a person reads on stdout when the pipeline is done (or would be, in a dry run).
import { sha256SumsPathFor } from '../../core/manifest/index.js';
import type { ReleaseOutcome } from '../../core/pipeline/index.js';

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
    ...otherArtifactLines(outcome),
    ...otherInstallerLines(outcome),
    `  sha256sums: ${sha256SumsPathFor(manifest.releaseVersion)} (sha256sum -c, from the repository root)`,
    ...(written.signaturePath
      ? [
          `  signature:  ${written.signaturePath} (minisign -V -p <key>.pub -m ${sha256SumsPathFor(manifest.releaseVersion)})`,
        ]
      : []),
    ...(written.provenancePath
      ? [
          `  provenance: ${written.provenancePath} (${written.signaturePath ? 'signed DSSE envelope' : 'unsigned in-toto statement'})`,
        ]
      : []),
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
    ...(plan.targets.length > 1
      ? [
          'targets:',
          ...plan.targets.map((t) => `  ${t.name}\n    ${t.url}\n    ${t.localPathRelative}`),
        ]
      : []),
    ...(plan.installers.length > 1
      ? ['installers:', ...plan.installers.map((i) => `  ${i.image}`)]
      : []),
    '',
    'Manifest that would be written:',
    JSON.stringify(manifest, null, 2),
  ];
  return `${lines.join('\n')}\n`;
}

/** Every artifact besides the first ISO (shown above), with its size and hash. */
function otherArtifactLines(outcome: Released): string[] {
  const { plan, downloads } = outcome;
  if (plan.targets.length < 2) return [];
  return [
    `  artifacts:  ${plan.targets.length}`,
    ...plan.targets.flatMap((target) => {
      const result = downloads.get(target.name);
      if (!result) return [];
      const reused = result.reused ? ', reused' : '';
      return [
        `    ${target.name}: ${target.localPathRelative} (${result.size} bytes${reused})`,
        `      sha256 ${result.sha256}`,
      ];
    }),
  ];
}

/** Every installer besides the first, pinned, with its per-architecture digests. */
function otherInstallerLines(outcome: Released): string[] {
  const lines: string[] = [];
  for (const [index, installer] of outcome.installers.entries()) {
    if (index > 0) lines.push(`  installer:  ${installer.pinned ?? installer.image}`);
    if (installer.reason && index > 0)
      lines.push(`              (digest not recorded: ${installer.reason})`);
    for (const arch of installer.architectures)
      lines.push(`              ${arch.architecture}: ${arch.digest}`);
  }
  return lines;
}
