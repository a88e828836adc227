// `talos-release diff --markdown`: release notes to paste into a release page as they are:
// versions, extension changes, schematic changes, the artifacts with their SHA-256 and the
// commands to roll the release out.
import type { ExtensionVersion, ReleaseDiff } from '../../core/diff/index.js';
import { formatBytes } from '../../core/format/index.js';
import { minorSkipWarning } from './diff-warnings.js';

export function releaseNotesMarkdown(diff: ReleaseDiff): string {
  const { from, to } = diff;
  const sections = [
    [
      `## Release ${to.releaseVersion}`,
      '',
      `Channel \`${diff.channel}\`, after ${from.releaseVersion}.`,
    ],
    diff.skippedTalosMinors.length > 0 ? [`> **Warning:** ${minorSkipWarning(diff)}`] : [],
    versionsTable(diff),
    extensionsSection(diff),
    schematicSection(diff),
    artifactsSection(diff),
    upgradeSection(diff),
  ].filter((section) => section.length > 0);
  return `${sections.map((section) => section.join('\n')).join('\n\n')}\n`;
}

function versionsTable(diff: ReleaseDiff): string[] {
  const row = (label: string, change: { from: string; to: string; changed: boolean }): string =>
    `| ${label} | ${cell(change.from)} | ${cell(change.to)} | ${change.changed ? 'changed' : ''} |`;
  return [
    '### Versions',
    '',
    `| Component | ${diff.from.releaseVersion} | ${diff.to.releaseVersion} | |`,
    '| --- | --- | --- | --- |',
    row('Talos', diff.talos),
    row('Kubernetes', diff.kubernetes),
    row('App', diff.app.version),
    row('Values profile', diff.app.valuesProfile),
  ];
}

function extensionsSection(diff: ReleaseDiff): string[] {
  const { added, removed, changed } = diff.extensions;
  if (added.length + removed.length + changed.length === 0) {
    return ['### Extensions', '', 'No changes.'];
  }
  const version = (e: ExtensionVersion | undefined): string =>
    e ? `${cell(e.tag)} (${cell(e.digest)})` : '';
  return [
    '### Extensions',
    '',
    `| Extension | Change | ${diff.from.releaseVersion} | ${diff.to.releaseVersion} |`,
    '| --- | --- | --- | --- |',
    ...added.map((e) => `| ${cell(e.name)} | added | | ${version(e)} |`),
    ...removed.map((e) => `| ${cell(e.name)} | removed | ${version(e)} | |`),
    ...changed.map((e) => `| ${cell(e.name)} | updated | ${version(e.from)} | ${version(e.to)} |`),
  ];
}

function schematicSection(diff: ReleaseDiff): string[] {
  const { schematic } = diff;
  if (!schematic.changed) {
    return ['### Schematic', '', `Unchanged: ${cell(schematic.toId)}.`];
  }
  const { added, removed, reordered } = schematic.kernelArgs;
  const facts = [
    ...added.map((arg) => `- Kernel argument added: ${cell(arg)}`),
    ...removed.map((arg) => `- Kernel argument removed: ${cell(arg)}`),
    ...(reordered ? ['- Kernel arguments reordered'] : []),
    ...schematic.meta.map(
      (m) =>
        `- META key ${m.key}: ${m.from === undefined ? 'unset' : cell(m.from)} → ${m.to === undefined ? 'unset' : cell(m.to)}`,
    ),
  ];
  return [
    '### Schematic',
    '',
    `Schematic ID ${cell(schematic.fromId)} → ${cell(schematic.toId)}.`,
    ...(facts.length > 0 ? ['', ...facts] : []),
    '',
    '```diff',
    schematic.unified.replace(/\n$/, ''),
    '```',
  ];
}

function artifactsSection(diff: ReleaseDiff): string[] {
  const targets = [
    ...diff.targets.added.map((name) => `- New target: ${cell(name)}`),
    ...diff.targets.removed.map((name) => `- Target dropped: ${cell(name)}`),
  ];
  return [
    '### Artifacts',
    '',
    '| File | SHA-256 | Size |',
    '| --- | --- | --- |',
    ...diff.artifacts.map(
      (a) =>
        `| [${a.name.replace(/[[\]|]/g, '\\$&')}](${a.url}) | ${cell(a.sha256)} | ${formatBytes(a.size)} |`,
    ),
    ...(targets.length > 0 ? ['', ...targets] : []),
  ];
}

function upgradeSection(diff: ReleaseDiff): string[] {
  const several = diff.upgradeImages.length > 1;
  const talos = diff.upgradeImages.flatMap(({ key, image }) => [
    ...(several ? [`# ${key} nodes`] : []),
    `talosctl upgrade --nodes <node> --image ${image}`,
  ]);
  const kubernetes = diff.kubernetes.changed
    ? [
        '',
        'Then Kubernetes, once every node runs the new Talos:',
        '',
        '```sh',
        `talosctl upgrade-k8s --to ${diff.kubernetes.to}`,
        '```',
      ]
    : ['', `Kubernetes stays at ${diff.kubernetes.to}: no \`talosctl upgrade-k8s\` is needed.`];
  return [
    '### Upgrade',
    '',
    'Upgrade each node, one at a time:',
    '',
    '```sh',
    ...talos,
    '```',
    ...kubernetes,
  ];
}

/** Inline code that cannot break a table row. */
function cell(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}
