// "Did you mean" for extension names: edit distance over the whole name and over the part
// after the owner, so `gvisor` and `siderolabs/gvisr` both find `siderolabs/gvisor`.
import { editDistance } from '../text/index.js';

function shortName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Up to `count` candidates close enough to be a plausible typo or rename, best first. */
export function closestNames(wanted: string, candidates: readonly string[], count = 3): string[] {
  const wantedShort = shortName(wanted.toLowerCase());
  const scored = candidates.map((candidate) => {
    const candidateShort = shortName(candidate.toLowerCase());
    const distance = Math.min(
      editDistance(wanted.toLowerCase(), candidate.toLowerCase()),
      editDistance(wantedShort, candidateShort),
    );
    // A shared stem (`nvidia-container-toolkit` in `…-toolkit-lts`) is as good as a small typo.
    const contains =
      wantedShort.length >= 3 &&
      (candidateShort.includes(wantedShort) || wantedShort.includes(candidateShort));
    return { candidate, score: contains ? Math.min(distance, 1) : distance };
  });
  const limit = Math.max(2, Math.floor(wantedShort.length * 0.4));
  return scored
    .filter((entry) => entry.score <= limit)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}
