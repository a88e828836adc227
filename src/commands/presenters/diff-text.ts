// `talos-release diff` for a person at a terminal: what changed, one fact per line, and
// "unchanged" said outright so a quiet section is not mistaken for a missing one.
import type { ReleaseDiff, ValueChange } from '../../core/diff/index.js';
import { minorSkipWarning } from './diff-warnings.js';

export function describeDiff(diff: ReleaseDiff): string {
  const lines = [
    `Release ${diff.from.releaseVersion} → ${diff.to.releaseVersion} (channel ${diff.channel})`,
    '',
    value('Talos', diff.talos),
    value('Kubernetes', diff.kubernetes),
    value('app version', diff.app.version),
    value('values profile', diff.app.valuesProfile),
    ...(diff.skippedTalosMinors.length > 0 ? ['', `warning: ${minorSkipWarning(diff)}`] : []),
    '',
    ...extensionLines(diff),
    '',
    ...schematicLines(diff),
    '',
    ...targetLines(diff),
  ];
  return `${lines.join('\n')}\n`;
}

function value(label: string, change: ValueChange): string {
  const name = `${label}:`.padEnd(16);
  return change.changed
    ? `${name}${change.from} → ${change.to}`
    : `${name}${change.to} (unchanged)`;
}

function extensionLines(diff: ReleaseDiff): string[] {
  const { added, removed, changed } = diff.extensions;
  if (added.length + removed.length + changed.length === 0) return ['Extensions: unchanged'];
  return [
    'Extensions:',
    ...added.map((e) => `  + ${e.name} ${e.tag} (${e.digest})`),
    ...removed.map((e) => `  - ${e.name} ${e.tag} (${e.digest})`),
    ...changed.map(
      (e) => `  ~ ${e.name} ${e.from.tag} → ${e.to.tag} (${e.from.digest} → ${e.to.digest})`,
    ),
  ];
}

function schematicLines(diff: ReleaseDiff): string[] {
  const { schematic } = diff;
  if (!schematic.changed) return [`Schematic: unchanged (${schematic.toId})`];
  const { added, removed, reordered } = schematic.kernelArgs;
  return [
    `Schematic: ${schematic.fromId} → ${schematic.toId}`,
    ...added.map((arg) => `  kernel argument added:   ${arg}`),
    ...removed.map((arg) => `  kernel argument removed: ${arg}`),
    ...(reordered ? ['  kernel arguments reordered'] : []),
    ...schematic.meta.map((m) => `  META ${m.key}: ${m.from ?? '(unset)'} → ${m.to ?? '(unset)'}`),
    ...schematic.unified
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => `  ${line}`),
  ];
}

function targetLines(diff: ReleaseDiff): string[] {
  const lines = [
    ...diff.targets.added.map((name) => `  + target ${name}`),
    ...diff.targets.removed.map((name) => `  - target ${name}`),
    ...diff.installers.map(
      (i) => `  installer ${i.key}: ${i.from ?? '(none)'} → ${i.to ?? '(none)'}`,
    ),
  ];
  return lines.length === 0
    ? ['Targets and installers: unchanged']
    : ['Targets and installers:', ...lines];
}
