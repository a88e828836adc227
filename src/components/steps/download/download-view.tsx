import { Box } from 'ink';
import { formatBytes, formatDuration, formatRate } from '../../../core/format/index.js';
import { ProgressBar } from '../../common/progress-bar.js';
import { Spinner } from '../../common/spinner.js';
import { Tone } from '../../theme.js';
import type { DownloadProgress } from './download-progress.js';

export interface DownloadViewProps {
  readonly url: string;
  readonly progress: DownloadProgress;
}

export function DownloadView({ url, progress }: DownloadViewProps) {
  const { bytes, total } = progress;
  const waiting =
    progress.buildingMs !== undefined
      ? `The factory is building the ISO… ${formatDuration(progress.buildingMs)}`
      : progress.checkingExisting
        ? 'Checking the ISO already on disk…'
        : progress.host === undefined
          ? `Connecting to ${new URL(url).host}…`
          : undefined;
  return (
    <Box flexDirection="column">
      <Tone tone="muted">{url}</Tone>
      {waiting ? <Spinner label={waiting} /> : <Tone tone="plain"> </Tone>}
      <Box>
        <ProgressBar done={bytes} total={total} />
        <Tone tone="plain">{`  ${formatBytes(bytes)}${total === undefined ? '' : ` of ${formatBytes(total)}`}`}</Tone>
      </Box>
      <Tone tone="muted">
        {[
          formatRate(progress.rateBytesPerSec),
          progress.etaMs === undefined ? 'ETA unknown' : `ETA ${formatDuration(progress.etaMs)}`,
          `from ${progress.host ?? '…'}`,
        ].join(' · ')}
      </Tone>
      <Tone tone="muted">{`sha256 so far ${progress.sha256SoFar ?? '…'}`}</Tone>
      {progress.notes.map((note, index) => (
        <Tone key={index} tone="warn">
          {note}
        </Tone>
      ))}
    </Box>
  );
}
