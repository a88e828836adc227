// Shows the slice of a long list around the cursor, with a line above and below saying how many
// rows are out of sight. Both lines are always drawn, so scrolling never changes the height.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { Tone } from '../theme.js';
import { windowAround } from './list-window.js';

export interface WindowedListProps<T> {
  readonly items: readonly T[];
  readonly cursor: number;
  readonly height: number;
  readonly keyOf: (item: T) => string;
  readonly renderRow: (item: T, highlighted: boolean) => ReactNode;
  /** Shown instead of rows when nothing matches. */
  readonly empty: string;
  /** Blank rows keep the list this tall while a filter narrows it, so the screen does not jump. */
  readonly minRows?: number;
}

export function WindowedList<T>(props: WindowedListProps<T>) {
  const { items, cursor, height, keyOf, renderRow } = props;
  const { start, end } = windowAround(items.length, cursor, height);
  const rows = items.slice(start, end);
  const drawn = Math.max(rows.length, 1);
  const padding = Math.max(0, Math.min(props.minRows ?? 0, height) - drawn);
  return (
    <Box flexDirection="column">
      <Tone tone="muted">{start > 0 ? `  ↑ ${start} more` : ' '}</Tone>
      {rows.length === 0 ? <Tone tone="warn">{`  ${props.empty}`}</Tone> : null}
      {rows.map((item, index) => (
        <Box key={keyOf(item)}>{renderRow(item, start + index === cursor)}</Box>
      ))}
      {Array.from({ length: padding }, (_, index) => (
        <Tone key={`pad-${index}`} tone="plain">
          {' '}
        </Tone>
      ))}
      <Tone tone="muted">{end < items.length ? `  ↓ ${items.length - end} more` : ' '}</Tone>
    </Box>
  );
}
