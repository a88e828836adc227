import { Box } from 'ink';
import { Tone } from '../../theme.js';
import { FIELDS } from './fields.js';
import type { DetailsForm } from './use-details-form.js';

export interface DetailsViewProps {
  readonly form: DetailsForm;
  /** Where the defaults came from, e.g. the channel's current release. */
  readonly source: string;
  readonly attempted: boolean;
}

export function DetailsView({ form, source, attempted }: DetailsViewProps) {
  const focused = FIELDS[form.focus];
  const focusedProblem = form.problems[form.focus];
  return (
    <Box flexDirection="column">
      <Tone tone="muted">{source}</Tone>
      {FIELDS.map((field, index) => {
        const isFocused = index === form.focus;
        const problem = form.problems[index];
        return (
          <Box key={field.name}>
            <Box width={42} flexShrink={0}>
              <Tone tone={isFocused ? 'accent' : 'plain'}>
                {`${isFocused ? '›' : ' '} ${`${field.label}:`.padEnd(17)}${form.values[field.name]}${isFocused ? '▏' : ''}`}
              </Tone>
            </Box>
            <Tone tone={problem ? 'bad' : 'good'}>{problem ? '✗' : '✔'}</Tone>
          </Box>
        );
      })}
      <Box marginTop={1} flexDirection="column">
        {focusedProblem ? (
          <>
            <Tone tone="bad">{`✗ ${focusedProblem.message}`}</Tone>
            <Tone tone="muted">{focusedProblem.hint ?? ' '}</Tone>
          </>
        ) : (
          <>
            <Tone tone="muted">{focused?.help ?? ' '}</Tone>
            <Tone tone="muted"> </Tone>
          </>
        )}
        <Tone tone={form.valid ? 'good' : 'bad'}>
          {form.valid
            ? 'All fields are valid: enter continues.'
            : attempted
              ? 'Fix the fields marked ✗ to continue.'
              : ' '}
        </Tone>
      </Box>
    </Box>
  );
}
