import { Box } from 'ink';
import { Tone } from '../theme.js';

export interface StepTitleProps {
  /** e.g. "2/7". */
  readonly position: string;
  readonly title: string;
}

/** The heading of every screen: where the operator is in the wizard. */
export function StepTitle({ position, title }: StepTitleProps) {
  return (
    <Box>
      <Tone tone="muted">{position} </Tone>
      <Tone tone="strong">{title}</Tone>
    </Box>
  );
}
