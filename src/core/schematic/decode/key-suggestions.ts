// "Did you mean" for unknown keys: the closest valid key by edit distance, if close enough.
import { editDistance } from '../../text/index.js';

export function closestName(input: string, candidates: readonly string[]): string | undefined {
  const lowered = input.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(lowered, name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** The hint for an unknown key: the valid keys at that level, the closest one first. */
export function validKeysHint(input: string, candidates: readonly string[], where: string): string {
  const closest = closestName(input, candidates);
  const list = validKeysList(candidates, where);
  return closest === undefined ? list : `Did you mean "${closest}"? ${list}`;
}

export function validKeysList(candidates: readonly string[], where: string): string {
  return `Valid keys ${where}: ${candidates.join(', ')}.`;
}
