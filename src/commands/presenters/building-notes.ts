// A cold factory builds before it answers, for minutes. Headless commands say so every few
// seconds, so a CI log shows the tool is alive without a line per tick.
import { formatDuration } from '../../core/format/index.js';

export const BUILDING_NOTE_EVERY_MS = 10_000;

export function buildingNotes(
  write: (line: string) => void,
  what: string,
  everyMs = BUILDING_NOTE_EVERY_MS,
): (elapsedMs: number) => void {
  let next = everyMs;
  return (elapsedMs) => {
    if (elapsedMs < next) return;
    next = elapsedMs + everyMs;
    write(
      `  waiting for the factory, which may be building ${what} (${formatDuration(elapsedMs)} so far)`,
    );
  };
}
