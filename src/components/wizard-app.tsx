// The wizard's root: owns the state, the one AbortController and the one exit() call. Finished
// steps go into <Static> so the live region stays a few lines tall and never flickers.
import { Box, Static, useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import type { ReleaseRequest } from '../core/pipeline/index.js';
import { exitCodeFor } from './exit-code.js';
import type { WizardExit } from './exit-code.js';
import { ServicesProvider } from './services/context.js';
import type { WizardServices } from './services/types.js';
import { HelpView } from './common/help-view.js';
import { KeySlotProvider } from './common/use-keys.js';
import { INITIAL_STATE, wizardReducer } from './state/reducer.js';
import { isFinalStep } from './state/steps.js';
import type { FinalStep } from './state/steps.js';
import { StepScreen } from './step-screen.js';
import { doneEpilogue } from './steps/done-epilogue.js';
import { ThemeProvider, Tone } from './theme.js';
import type { Theme } from './theme.js';
import { useGlobalKeys } from './use-global-keys.js';

export interface WizardAppProps {
  readonly request: ReleaseRequest;
  readonly services: WizardServices;
  readonly controller: AbortController;
  readonly theme: Theme;
}

export function WizardApp({ request, services, controller, theme }: WizardAppProps) {
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_STATE);
  const { exit } = useApp();
  const final = isFinalStep(state.step);
  const keySlot = useGlobalKeys({ controller, helpOpen: state.help, isActive: !final, dispatch });
  useEffect(() => {
    if (!isFinalStep(state.step)) return;
    const result: WizardExit = {
      exitCode: exitCodeFor(state.step),
      epilogue: epilogueOf(state.step),
    };
    exit(result);
  }, [state.step, exit]);
  return (
    <ThemeProvider value={theme}>
      <ServicesProvider value={services}>
        <KeySlotProvider value={keySlot}>
          <Static items={[...state.finished]}>
            {(line) => (
              <Box key={line.id}>
                <Tone tone={line.tone === 'done' ? 'good' : 'warn'} wrap="wrap">
                  {`${line.tone === 'done' ? '✔' : '!'} ${line.text}`}
                </Tone>
              </Box>
            )}
          </Static>
          {state.help ? <HelpView /> : null}
          <Box display={state.help ? 'none' : 'flex'} flexDirection="column">
            <StepScreen
              step={state.step}
              request={request}
              isActive={!state.help && !final}
              dispatch={dispatch}
            />
          </Box>
        </KeySlotProvider>
      </ServicesProvider>
    </ThemeProvider>
  );
}

/** The lines to copy: after a written release, even when a bundle after it was cancelled. */
function epilogueOf(step: FinalStep): string | undefined {
  if (step.kind === 'finished') return doneEpilogue(step.ready, step.published, step.bundled);
  if (step.kind === 'cancelled' && step.bundling)
    return doneEpilogue(step.bundling.ready, step.bundling.published);
  return undefined;
}
