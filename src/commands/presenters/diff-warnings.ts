// Sentences both the terminal and the release-notes views of a diff print.
import type { ReleaseDiff } from '../../core/diff/index.js';

/** Why core/diff/minor-skip.ts flags the jump, as an instruction an operator can follow. */
export function minorSkipWarning(diff: ReleaseDiff): string {
  const lines = diff.skippedTalosMinors.map((minor) => `v${minor}`).join(', ');
  return (
    `Talos goes from ${diff.talos.from} to ${diff.talos.to}, skipping ${lines}. ` +
    `Talos only tests upgrades from one minor version to the next: upgrade nodes to the newest ` +
    `patch of ${lines} first, then to ${diff.talos.to}.`
  );
}
