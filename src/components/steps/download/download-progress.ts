// What the download screen shows, folded from the engine's events. Pure, so every event kind is
// tested without a server or a terminal.
import type { DownloadEvent } from '../../../core/download/index.js';
import { formatBytes, formatDuration } from '../../../core/format/index.js';

export interface DownloadProgress {
  readonly bytes: number;
  readonly total: number | undefined;
  readonly rateBytesPerSec: number;
  readonly etaMs: number | undefined;
  readonly sha256SoFar: string | undefined;
  readonly host: string | undefined;
  /** The factory is still building the ISO (HEAD pre-warm waiting), with the time so far. */
  readonly buildingMs: number | undefined;
  /** Retries, resumes and restarts as they happen, newest last. */
  readonly notes: readonly string[];
  readonly checkingExisting: boolean;
}

export const NO_PROGRESS: DownloadProgress = {
  bytes: 0,
  total: undefined,
  rateBytesPerSec: 0,
  etaMs: undefined,
  sha256SoFar: undefined,
  host: undefined,
  buildingMs: undefined,
  notes: [],
  checkingExisting: false,
};

const MAX_NOTES = 3;

export function applyDownloadEvent(
  progress: DownloadProgress,
  event: DownloadEvent,
): DownloadProgress {
  switch (event.type) {
    case 'building':
      return { ...progress, buildingMs: event.elapsedMs };
    case 'size':
      return { ...progress, total: event.total };
    case 'progress':
      return {
        ...progress,
        bytes: event.bytes,
        total: event.total ?? progress.total,
        rateBytesPerSec: event.rateBytesPerSec,
        etaMs: event.etaMs,
        sha256SoFar: event.sha256SoFar,
        host: event.host,
        buildingMs: undefined,
        checkingExisting: false,
      };
    case 'retry':
      return note(
        progress,
        `↻ retry ${event.attempt} in ${formatDuration(event.delayMs)}: ${event.reason}`,
      );
    case 'resume':
      return note(progress, `↪ resumed from ${formatBytes(event.fromByte)}`);
    case 'restart':
      return note(progress, `↺ restarted from the beginning: ${event.reason}`);
    case 'reused':
      return note(
        { ...progress, checkingExisting: false },
        '✔ the ISO on disk matches the last release: reused',
      );
    case 'verifying-existing':
      return { ...progress, checkingExisting: true };
    case 'failed':
      return note(progress, `✘ failed: ${event.reason}`);
  }
}

function note(progress: DownloadProgress, text: string): DownloadProgress {
  return { ...progress, notes: [...progress.notes, text].slice(-MAX_NOTES) };
}
