import { Box } from 'ink';
import { Tone } from '../theme.js';

export interface FilterLineProps {
  readonly filter: string;
  readonly matches: number;
  readonly total: number;
  readonly placeholder: string;
}

/** What has been typed to narrow a list, and how much of the list is left. */
export function FilterLine({ filter, matches, total, placeholder }: FilterLineProps) {
  return (
    <Box>
      <Tone tone="muted">Filter: </Tone>
      {filter === '' ? (
        <Tone tone="muted">{placeholder}</Tone>
      ) : (
        <Tone tone="accent">{`${filter}▏  (${matches} of ${total})`}</Tone>
      )}
    </Box>
  );
}
