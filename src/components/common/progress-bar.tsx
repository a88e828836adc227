import { Box } from 'ink';
import { Tone } from '../theme.js';

const DEFAULT_WIDTH = 30;

export interface ProgressBarProps {
  readonly done: number;
  /** Undefined when the server did not say: the bar shows that the size is unknown. */
  readonly total: number | undefined;
  /** Cells of the bar itself. */
  readonly width?: number;
}

export function ProgressBar({ done, total, width = DEFAULT_WIDTH }: ProgressBarProps) {
  const WIDTH = width;
  if (total === undefined || total <= 0) {
    return <Tone tone="muted">{`${'·'.repeat(WIDTH)}  size unknown`}</Tone>;
  }
  const fraction = Math.min(1, done / total);
  const filled = Math.round(fraction * WIDTH);
  return (
    <Box>
      <Tone tone="accent">{'█'.repeat(filled)}</Tone>
      <Tone tone="muted">{'░'.repeat(WIDTH - filled)}</Tone>
      <Tone tone="plain">{` ${String(Math.floor(fraction * 100)).padStart(3)}%`}</Tone>
    </Box>
  );
}
