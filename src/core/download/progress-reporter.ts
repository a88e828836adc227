// Turns per-chunk callbacks into at most one progress event per interval (plus a final one), so a
// view that renders every event is never flooded. The hash-so-far is only computed when emitting:
// hash.copy() is cheap, but not cheap enough to do for every 64 KiB chunk.
import type { Hash } from 'node:crypto';
import type { DownloadEvent } from './types.js';

export const PROGRESS_INTERVAL_MS = 100;
/** The rate is measured over this window so a brief hiccup does not swing the ETA wildly. */
const RATE_WINDOW_MS = 5_000;

export interface ProgressReporterOptions {
  readonly emit: (event: DownloadEvent) => void;
  readonly host: string;
  readonly total?: number | undefined;
  /** Bytes already in place before this attempt (a resume); they do not count towards the rate. */
  readonly startBytes: number;
  readonly now?: () => number;
  readonly intervalMs?: number;
}

export interface ProgressReporter {
  /** Call after each chunk with the running byte count; emits when the interval has passed. */
  advance(bytes: number, hash: Hash): void;
  /** Emits the final state unconditionally. */
  finish(bytes: number, hash: Hash): void;
}

interface Sample {
  readonly at: number;
  readonly bytes: number;
}

export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  const samples: Sample[] = [{ at: now(), bytes: options.startBytes }];
  let lastEmitAt = Number.NEGATIVE_INFINITY;

  const emit = (bytes: number, hash: Hash, at: number): void => {
    lastEmitAt = at;
    samples.push({ at, bytes });
    while (samples.length > 2 && at - (samples[1]?.at ?? at) >= RATE_WINDOW_MS) samples.shift();
    const oldest = samples[0] ?? { at, bytes };
    const elapsedMs = at - oldest.at;
    const rateBytesPerSec = elapsedMs > 0 ? ((bytes - oldest.bytes) * 1000) / elapsedMs : 0;
    const remaining = options.total === undefined ? undefined : options.total - bytes;
    const etaMs =
      remaining === undefined || rateBytesPerSec <= 0
        ? undefined
        : Math.round((Math.max(0, remaining) / rateBytesPerSec) * 1000);
    options.emit({
      type: 'progress',
      bytes,
      total: options.total,
      rateBytesPerSec: Math.round(rateBytesPerSec),
      etaMs,
      sha256SoFar: hash.copy().digest('hex'),
      host: options.host,
    });
  };

  return {
    advance(bytes, hash) {
      const at = now();
      if (at - lastEmitAt >= intervalMs) emit(bytes, hash, at);
    },
    finish(bytes, hash) {
      emit(bytes, hash, now());
    },
  };
}
