import { Box } from 'ink';
import { Tone } from '../../theme.js';
import { extensionTag, oneLineDescription } from './extension-rows.js';
import type { ExtensionRow } from './extension-rows.js';

export interface ExtensionDetailsProps {
  readonly row: ExtensionRow | undefined;
}

/** The highlighted extension's description, author and tag, always two lines tall. */
export function ExtensionDetails({ row }: ExtensionDetailsProps) {
  if (!row) {
    return (
      <Box flexDirection="column">
        <Tone tone="muted"> </Tone>
        <Tone tone="muted"> </Tone>
      </Box>
    );
  }
  if (row.kind === 'problem') {
    return (
      <Box flexDirection="column">
        <Tone tone="plain">{`${row.name}: ${row.reason}`}</Tone>
        <Tone tone="muted">
          {row.suggestion
            ? `tab replaces it with ${row.suggestion}; space drops it`
            : 'space drops it from the schematic'}
        </Tone>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Tone tone="plain">{oneLineDescription(row.info.description)}</Tone>
      <Tone tone="muted">{`by ${row.info.author ?? 'unknown author'} · tag ${extensionTag(row.info.ref)}`}</Tone>
    </Box>
  );
}
