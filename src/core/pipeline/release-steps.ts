// The release's steps in the order every front end runs them. Positions shown to the operator
// ("3/10") are derived from this list, so adding a step cannot leave a stale label behind.
export const RELEASE_STEPS = [
  'load',
  'versions',
  'catalogue',
  'plan',
  'lock',
  'submit',
  'download',
  'installer',
  'manifest',
  'write',
] as const;

export type PipelineStep = (typeof RELEASE_STEPS)[number];

/** "n/total", 1-based, for a step of a list such as RELEASE_STEPS. */
export function positionIn<T>(steps: readonly T[], step: T): string {
  const index = steps.indexOf(step);
  if (index < 0) throw new Error(`unknown step ${String(step)}`);
  return `${index + 1}/${steps.length}`;
}
