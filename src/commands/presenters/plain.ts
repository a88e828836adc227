// --yes without --json: progress as plain lines on stderr (no animation, a line every few
// percent), so CI logs stay readable; results go to stdout.
import type { DownloadEvent } from '../../core/download/index.js';
import { formatBytes, formatDuration, formatRate } from '../../core/format/index.js';
import type { PipelineEvent, PipelineReporter } from '../../core/pipeline/index.js';
import { buildingNotes } from './building-notes.js';

const PERCENT_STEP = 10;
const UNKNOWN_SIZE_STEP = 64 * 1024 * 1024;

export function plainReporter(writeLine: (line: string) => void): PipelineReporter {
  const write = writeLine;
  // Per target: several download at once, each reported every few percent.
  const lastMarks = new Map<string, number>();
  // The same building notes preflight and verify print, one series per thing being built.
  const notes = new Map<string, (elapsedMs: number) => void>();
  const building = (what: string, elapsedMs: number): void => {
    let note = notes.get(what);
    if (!note) {
      note = buildingNotes(write, what);
      notes.set(what, note);
    }
    note(elapsedMs);
  };
  const download = (event: DownloadEvent, target: string | undefined): void => {
    // One target: lines as they always were. Several: each line names its target.
    const write = (line: string): void =>
      writeLine(target === undefined ? line : `  ${target}:${line.replace(/^ +/, ' ')}`);
    const what = target === undefined ? 'the ISO' : 'the file';
    switch (event.type) {
      case 'building':
        return building(target ?? 'the ISO', event.elapsedMs);
      case 'size':
        if (event.total !== undefined) write(`  size: ${formatBytes(event.total)}`);
        return;
      case 'progress': {
        const mark =
          event.total !== undefined && event.total > 0
            ? Math.floor((event.bytes / event.total) * (100 / PERCENT_STEP))
            : Math.floor(event.bytes / UNKNOWN_SIZE_STEP);
        if (mark === lastMarks.get(target ?? '')) return;
        lastMarks.set(target ?? '', mark);
        const of = event.total !== undefined ? ` of ${formatBytes(event.total)}` : '';
        const percent =
          event.total !== undefined && event.total > 0
            ? `${Math.floor((event.bytes / event.total) * 100)}% `
            : '';
        const eta = event.etaMs !== undefined ? `, ${formatDuration(event.etaMs)} left` : '';
        write(
          `  ${percent}(${formatBytes(event.bytes)}${of}, ${formatRate(event.rateBytesPerSec)}${eta}) from ${event.host}`,
        );
        return;
      }
      case 'retry':
        write(
          `  retrying (attempt ${event.attempt}) in ${formatDuration(event.delayMs)}: ${event.reason}`,
        );
        return;
      case 'resume':
        write(`  resuming the partial download from ${formatBytes(event.fromByte)}`);
        return;
      case 'restart':
        write(`  starting the download over: ${event.reason}`);
        return;
      case 'reused':
        write(`  reused ${what} already on disk (its SHA-256 matches the earlier record)`);
        return;
      case 'verifying-existing':
        write(`  checking ${what} already on disk against the earlier manifest`);
        return;
      case 'failed':
        // One download's error ends the run and is printed then; of several, say which failed.
        if (target !== undefined) write(`  failed: ${event.reason}`);
        return;
    }
  };
  return (event: PipelineEvent) => {
    switch (event.type) {
      case 'step':
        write(`> ${event.message} [${event.position}]`);
        return;
      case 'note':
        write(`  ${event.message}`);
        return;
      case 'warning':
        write(`warning: ${event.message}`);
        return;
      case 'download':
        return download(event.event, event.target);
      case 'installer-building':
        return building('the installer image', event.elapsedMs);
    }
  };
}
