// A one-line "working" indicator. The frame advances on a slow timer so it costs little, and the
// label carries the meaning, so a frozen frame still reads correctly.
import { Box } from 'ink';
import { useEffect, useState } from 'react';
import { Tone } from '../theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;
const FRAME_MS = 120;

export interface SpinnerProps {
  readonly label: string;
}

export function Spinner({ label }: SpinnerProps) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((current) => (current + 1) % FRAMES.length), FRAME_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Box>
      <Tone tone="accent">{FRAMES[frame]} </Tone>
      <Tone tone="plain">{label}</Tone>
    </Box>
  );
}
