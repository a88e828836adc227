// The one-line records of finished steps, printed once into <Static> above the live screen.
// Only steps that cannot be undone get one, because <Static> output cannot be taken back.
import { formatBytes } from '../../core/format/index.js';
import type { DownloadResult } from '../../core/download/index.js';
import type { InstallerResolution, ReleasePlan } from '../../core/pipeline/index.js';
import type { ReadyRelease, WizardSession } from './steps.js';

export interface FinishedLine {
  readonly id: number;
  readonly tone: 'done' | 'warning';
  readonly text: string;
}

export type FinishedText = Omit<FinishedLine, 'id'>;

export function startedLine(session: WizardSession): FinishedText {
  const extensions =
    session.project.schematicFile.schematic.customization.systemExtensions?.officialExtensions ??
    [];
  return {
    tone: 'done',
    text:
      `Loaded ${session.project.schematicFile.relativePath} (${plural(extensions.length, 'extension')}) ` +
      `and ${plural(session.versions.length, 'Talos version')} from ${session.request.factoryUrl}`,
  };
}

export function submittedLine(schematicId: string): FinishedText {
  return { tone: 'done', text: `Schematic submitted; the factory's ID matches ${schematicId}` };
}

/** One target: how it came (today's line); several: how many came which way, and the total. */
export function downloadedLine(
  plan: ReleasePlan,
  downloads: ReadonlyMap<string, DownloadResult>,
): FinishedText {
  const only = plan.targets.length === 1 ? plan.targets[0] : undefined;
  const result = only ? downloads.get(only.name) : undefined;
  if (only && result) return targetLine(only.localPathRelative, result);
  const results = [...downloads.values()];
  const reused = results.filter((r) => r.reused).length;
  const bytes = results.reduce((sum, r) => sum + r.size, 0);
  const resumed = results.filter((r) => r.resumed).length;
  const retries = results.reduce((sum, r) => sum + r.retries, 0);
  const extras = [
    `${results.length - reused} downloaded`,
    ...(reused > 0 ? [`${reused} reused`] : []),
    ...(resumed > 0 ? [`${resumed} resumed`] : []),
    ...(retries > 0 ? [plural(retries, 'retry', 'retries')] : []),
  ];
  return {
    tone: 'done',
    text: `${plural(results.length, 'target')} ready (${formatBytes(bytes)}, ${extras.join(', ')})`,
  };
}

function targetLine(relativePath: string, iso: DownloadResult): FinishedText {
  if (iso.reused) {
    return {
      tone: 'done',
      text: `Reused ${relativePath} (${formatBytes(iso.size)}, hash checked)`,
    };
  }
  const extras = [
    `from ${iso.servedBy}`,
    ...(iso.resumed ? ['resumed'] : []),
    ...(iso.retries > 0 ? [plural(iso.retries, 'retry', 'retries')] : []),
  ];
  return {
    tone: 'done',
    text: `Downloaded ${relativePath} (${formatBytes(iso.size)}, ${extras.join(', ')})`,
  };
}

export function installerLine(image: string, installer: InstallerResolution): FinishedText {
  if (installer.pinned) return { tone: 'done', text: `Installer pinned: ${installer.pinned}` };
  return {
    tone: 'warning',
    text: `Installer digest not recorded for ${image}: ${installer.reason ?? 'unknown reason'}`,
  };
}

/** Printed when a publish follows, so the record says the release is safe on disk first. */
export function writtenLine(ready: ReadyRelease): FinishedText {
  return {
    tone: 'done',
    text: `Wrote ${ready.plan.paths.manifestRelative}; ${ready.manifest.releaseVersion} is current on ${ready.manifest.channel}`,
  };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
