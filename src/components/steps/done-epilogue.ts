// The lines an operator copies after a release: printed as plain text once Ink has let go of the
// terminal, so the terminal wraps them softly and a copied command has no line breaks inside.
import type { ReadyRelease } from '../state/steps.js';

export function doneEpilogue(ready: ReadyRelease): string {
  const pinned = ready.installer.pinned;
  const image = pinned ?? ready.plan.refs.installerImage;
  return [
    pinned
      ? 'Installer, pinned by digest:'
      : 'Installer (no digest was recorded; the tag can move):',
    `  ${image}`,
    'Next, upgrade a node to this release:',
    `  talosctl upgrade --nodes <node> --image ${image}`,
    '',
  ].join('\n');
}
