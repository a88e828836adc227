import { Box } from 'ink';
import { footerText } from '../keys.js';
import type { HintSet } from '../keys.js';
import { Tone } from '../theme.js';

export interface FooterProps {
  readonly hints: HintSet;
}

/** The keys the current screen answers to, on one line at the bottom. */
export function Footer({ hints }: FooterProps) {
  return (
    <Box marginTop={1}>
      <Tone tone="muted">{footerText(hints)}</Tone>
    </Box>
  );
}
