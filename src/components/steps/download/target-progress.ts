// Every target's download state, folded from the engine's events per target. Pure, so each state
// change is tested without a server or a terminal.
import type { DownloadEvent } from '../../../core/download/index.js';
import { applyDownloadEvent, NO_PROGRESS } from './download-progress.js';
import type { DownloadProgress } from './download-progress.js';

export type TargetState =
  'waiting' | 'building' | 'checking' | 'downloading' | 'retrying' | 'reused' | 'done' | 'failed';

export interface TargetProgress extends DownloadProgress {
  readonly state: TargetState;
}

export interface TargetEvent {
  readonly target: string;
  readonly event: DownloadEvent;
}

export type TargetsProgress = ReadonlyMap<string, TargetProgress>;

export const NO_TARGET_PROGRESS: TargetProgress = { ...NO_PROGRESS, state: 'waiting' };

export function applyTargetEvent(
  targets: TargetsProgress,
  { target, event }: TargetEvent,
): TargetsProgress {
  const before = targets.get(target) ?? NO_TARGET_PROGRESS;
  const progress = applyDownloadEvent(before, event);
  const next = new Map(targets);
  next.set(target, { ...progress, state: stateAfter(before.state, progress, event) });
  return next;
}

function stateAfter(
  state: TargetState,
  progress: DownloadProgress,
  event: DownloadEvent,
): TargetState {
  switch (event.type) {
    case 'building':
      return 'building';
    case 'verifying-existing':
      return 'checking';
    case 'reused':
      return 'reused';
    case 'retry':
      return 'retrying';
    case 'progress':
      return progress.total !== undefined && progress.bytes >= progress.total
        ? 'done'
        : 'downloading';
    case 'resume':
    case 'restart':
      return 'downloading';
    case 'size':
      return state;
    case 'failed':
      return 'failed';
  }
}

export interface TargetsTotal {
  readonly bytes: number;
  /** Undefined while any target's size is unknown. */
  readonly total: number | undefined;
  readonly rateBytesPerSec: number;
  readonly finished: number;
}

/** The total line: bytes so far, the sum of sizes, the combined rate, how many finished. */
export function targetsTotal(names: readonly string[], targets: TargetsProgress): TargetsTotal {
  let bytes = 0;
  let total: number | undefined = 0;
  let rate = 0;
  let finished = 0;
  for (const name of names) {
    const progress = targets.get(name) ?? NO_TARGET_PROGRESS;
    bytes += progress.bytes;
    total =
      total === undefined || progress.total === undefined ? undefined : total + progress.total;
    if (progress.state === 'downloading') rate += progress.rateBytesPerSec;
    if (progress.state === 'done' || progress.state === 'reused') finished += 1;
  }
  return { bytes, total, rateBytesPerSec: rate, finished };
}
