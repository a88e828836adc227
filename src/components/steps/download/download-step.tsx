// Step 6a: the ISO download, with live bytes, rate, ETA, hash so far, host, retries and resumes.
// Ctrl-C aborts the run's signal: the engine keeps the .part file for the next run.
import { Box } from 'ink';
import { useServices } from '../../services/context.js';
import { Footer } from '../../shared/footer.js';
import { StepTitle } from '../../shared/step-title.js';
import { useTask } from '../../shared/use-task.js';
import { useThrottledState } from '../../shared/use-throttled-state.js';
import type { WizardAction } from '../../state/actions.js';
import type { PlannedRelease } from '../../state/steps.js';
import { applyDownloadEvent, NO_PROGRESS } from './download-progress.js';
import { DownloadView } from './download-view.js';
import { screenPosition } from '../../state/screens.js';

export interface DownloadStepProps {
  readonly planned: PlannedRelease;
  readonly dispatch: (action: WizardAction) => void;
}

export function DownloadStep({ planned, dispatch }: DownloadStepProps) {
  const services = useServices();
  const [progress, push] = useThrottledState(NO_PROGRESS, applyDownloadEvent);
  useTask(
    () => services.download(planned, push),
    (iso) => ({ type: 'downloaded', iso }),
    dispatch,
  );
  return (
    <Box flexDirection="column">
      <StepTitle position={screenPosition('downloading')} title="Downloading the ISO" />
      <DownloadView url={planned.plan.refs.isoUrl} progress={progress} />
      <Footer hints="working" />
    </Box>
  );
}
