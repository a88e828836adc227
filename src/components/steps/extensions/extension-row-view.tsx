import { Box } from 'ink';
import { Tone } from '../../theme.js';
import type { ExtensionRow } from './extension-rows.js';

export interface ExtensionRowViewProps {
  readonly row: ExtensionRow;
  readonly highlighted: boolean;
  readonly ticked: boolean;
}

export function ExtensionRowView({ row, highlighted, ticked }: ExtensionRowViewProps) {
  const pointer = highlighted ? '›' : ' ';
  if (row.kind === 'problem') {
    const replacement = row.suggestion
      ? ` → ${row.suggestion}`
      : ' (no close name: space drops it)';
    return (
      <Box>
        <Tone tone={row.blocking ? 'bad' : 'warn'}>
          {`${pointer} ${row.blocking ? '✗' : '!'} ${row.name} ${row.reason}${replacement}`}
        </Tone>
      </Box>
    );
  }
  return (
    <Box>
      <Tone
        tone={highlighted ? 'accent' : 'plain'}
      >{`${pointer} ${ticked ? '[x]' : '[ ]'} ${row.info.name}`}</Tone>
    </Box>
  );
}
