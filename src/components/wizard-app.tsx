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
      epilogue:
        state.step.kind === 'done'
          ? doneEpilogue(state.step.ready, state.step.published)
          : undefined,
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
