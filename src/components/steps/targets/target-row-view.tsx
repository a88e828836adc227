import { Box } from 'ink';
import { formatBytes } from '../../../core/format/index.js';
import { Tone } from '../../theme.js';
import type { TargetRow } from './target-rows.js';
import type { KnownSizes } from './use-target-sizes.js';

export interface TargetRowViewProps {
  readonly row: TargetRow;
  readonly highlighted: boolean;
  /** 0 for the primary; undefined when not picked. */
  readonly order: number | undefined;
  readonly sizes: KnownSizes;
}

const NAME_WIDTH = 34;

export function TargetRowView({ row, highlighted, order, sizes }: TargetRowViewProps) {
  if (row.kind === 'group') return <Tone tone="strong">{`  ${row.title}`}</Tone>;
  const pointer = highlighted ? '›' : ' ';
  const picked = order !== undefined;
  const size = !picked
    ? ''
    : !sizes.has(row.name)
      ? '…'
      : (() => {
          const bytes = sizes.get(row.name);
          return bytes === undefined ? 'size unknown' : formatBytes(bytes);
        })();
  return (
    <Box>
      <Tone tone={highlighted ? 'accent' : 'plain'}>
        {`${pointer} ${picked ? '[x]' : '[ ]'} ${row.name.padEnd(NAME_WIDTH)}`}
      </Tone>
      <Tone tone="good">{order === 0 ? '★ primary  ' : '           '}</Tone>
      <Tone tone="muted">{size}</Tone>
    </Box>
  );
}
