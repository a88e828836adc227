import { Box } from 'ink';
import { HELP_LINES } from '../keys.js';
import { Tone } from '../theme.js';

/** The `?` screen: every key and what it does. Any key closes it. */
export function HelpView() {
  return (
    <Box flexDirection="column">
      <Tone tone="strong">Keys</Tone>
      {HELP_LINES.map(([keys, action]) => (
        <Box key={keys}>
          <Box width={20} flexShrink={0}>
            <Tone tone="accent">{keys}</Tone>
          </Box>
          <Tone tone="plain">{action}</Tone>
        </Box>
      ))}
      <Box marginTop={1}>
        <Tone tone="muted">Press any key to go back to the screen.</Tone>
      </Box>
    </Box>
  );
}
