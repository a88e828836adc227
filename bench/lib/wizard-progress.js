// A progress listener that costs what the wizard's does: every engine event is folded at full
// speed (useThrottledState's ref), and at most every 100 ms a timer formats the download screen's
// text (DownloadView without Ink). The formatted text is kept so the work cannot be skipped.
import {
  applyDownloadEvent,
  NO_PROGRESS,
} from '../../dist/components/steps/download/download-progress.js';
import { formatBytes, formatDuration, formatRate } from '../../dist/core/format/units.js';

/**
 * The wizard's RENDER_INTERVAL_MS (src/components/common/use-throttled-state.ts). Copied, not
 * imported: that module imports React, which the measured download process must not load.
 */
const RENDER_INTERVAL_MS = 100;

/** @typedef {import('../../src/components/steps/download/download-progress.js').DownloadProgress} DownloadProgress */

/** @param {DownloadProgress} progress */
function screenText(progress) {
  const { bytes, total } = progress;
  const percent = total ? `${Math.floor((bytes / total) * 100)}%` : '…';
  return [
    `${percent}  ${formatBytes(bytes)}${total === undefined ? '' : ` of ${formatBytes(total)}`}`,
    [
      formatRate(progress.rateBytesPerSec),
      progress.etaMs === undefined ? 'ETA unknown' : `ETA ${formatDuration(progress.etaMs)}`,
      `from ${progress.host ?? '…'}`,
    ].join(' · '),
    `sha256 so far ${progress.sha256SoFar ?? '…'}`,
    ...progress.notes,
  ].join('\n');
}

export function wizardProgress() {
  let latest = NO_PROGRESS;
  let lastRenderAt = 0;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const stats = { events: 0, renders: 0, lastScreen: '' };
  /** @param {import('../../src/core/download/index.js').DownloadEvent} event */
  const onEvent = (event) => {
    stats.events += 1;
    latest = applyDownloadEvent(latest, event);
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        lastRenderAt = Date.now();
        stats.renders += 1;
        stats.lastScreen = screenText(latest);
      },
      Math.max(0, lastRenderAt + RENDER_INTERVAL_MS - Date.now()),
    );
  };
  const stop = () => clearTimeout(timer);
  return { onEvent, stop, stats };
}
