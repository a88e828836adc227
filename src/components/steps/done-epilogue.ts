// The lines an operator copies after a release: printed as plain text once Ink has let go of the
// terminal, so the terminal wraps them softly and a copied command has no line breaks inside.
import type { BundleResult } from '../../core/bundle/index.js';
import { formatBytes } from '../../core/format/index.js';
import type { Publication } from '../../core/publish/index.js';
import type { ReadyRelease } from '../state/steps.js';

export function doneEpilogue(
  ready: ReadyRelease,
  published?: Publication,
  bundled?: BundleResult,
): string {
  const pinned = ready.installer.pinned;
  const image = pinned ?? ready.plan.refs.installerImage;
  // The primary first (the upgrade command uses it), then every other installer pinned.
  const others = (ready.manifest.installers ?? [])
    .slice(1)
    .map((installer) =>
      installer.digest
        ? `  ${installer.image}@${installer.digest}`
        : `  ${installer.image} (no digest: the tag can move)`,
    );
  return [
    ...(published ? publishedLines(published) : []),
    pinned
      ? 'Installer, pinned by digest:'
      : 'Installer (no digest was recorded; the tag can move):',
    `  ${image}`,
    ...(others.length > 0 ? ['Other installers:', ...others] : []),
    'Next, upgrade a node to this release:',
    `  talosctl upgrade --nodes <node> --image ${image}`,
    ...(bundled ? bundledLines(bundled) : []),
    '',
  ].join('\n');
}

/** The published release and each mirrored installer, by digest: what consumers pull. */
function publishedLines(published: Publication): string[] {
  const { release } = published;
  return [
    'Published release:',
    `  ${release.reference}@${release.digest}`,
    ...(release.channelReference ? [`  ${release.channelReference} (channel tag)`] : []),
    ...(published.installers.length > 0 ? ['Mirrored installers:'] : []),
    ...published.installers.map((installer) => `  ${installer.reference}@${installer.digest}`),
  ];
}

/** Where the air-gap bundle is, and what the site runs on it first. */
function bundledLines(bundled: BundleResult): string[] {
  return [
    `Bundle for an air-gapped site (${formatBytes(bundled.bytes)}):`,
    `  ${bundled.path}`,
    'At the site, check it, then load it into the local registry:',
    `  talos-release verify --bundle ${bundled.path}`,
    `  talos-release publish --from ${bundled.path} --to <registry>/<prefix>`,
  ];
}
