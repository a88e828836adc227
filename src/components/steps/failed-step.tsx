// An error, what it means and what the operator can do: retry with r, go back with Esc where that
// is safe, or quit with q (the exit code is the error's).
import { Box } from 'ink';
import { isGlobalKey, isKey } from '../keys.js';
import { Footer } from '../common/footer.js';
import type { WizardAction } from '../state/actions.js';
import type { ShownError } from '../state/describe-error.js';
import { Tone } from '../theme.js';
import { useKeys } from '../common/use-keys.js';

export interface FailedStepProps {
  readonly error: ShownError;
  readonly canGoBack: boolean;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function FailedStep({ error, canGoBack, isActive, dispatch }: FailedStepProps) {
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    if (isKey('retry', input, key)) dispatch({ type: 'retry' });
    else if (isKey('quit', input, key)) dispatch({ type: 'quit' });
    else if (isKey('back', input, key) && canGoBack) dispatch({ type: 'back' });
  }, isActive);
  return (
    <Box flexDirection="column">
      <ErrorView error={error} />
      <Footer hints={canGoBack ? 'failed' : 'failed-no-back'} />
    </Box>
  );
}

/** The one way an error is shown: the message (which may span lines), then the hint. */
export function ErrorView({ error }: { readonly error: ShownError }) {
  return (
    <Box flexDirection="column">
      {error.message.split('\n').map((line, index) => (
        <Tone key={index} tone="bad" wrap="wrap">
          {index === 0 ? `✗ ${line}` : `  ${line}`}
        </Tone>
      ))}
      {error.hint ? (
        <Tone tone="plain" wrap="wrap">
          {`  ${error.hint}`}
        </Tone>
      ) : null}
      {error.outcome ? (
        <Tone tone="warn" wrap="wrap">
          {error.outcome}
        </Tone>
      ) : null}
    </Box>
  );
}
