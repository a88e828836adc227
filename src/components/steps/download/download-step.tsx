// Step 6a: the downloads. One target shows in full (bytes, rate, ETA, hash so far, host, retries
// and resumes); several show one row each and the total. Ctrl-C aborts the run's signal: the
// engine keeps every .part file for the next run.
import { Box } from 'ink';
import { useServices } from '../../services/context.js';
import { Footer } from '../../common/footer.js';
import { StepTitle } from '../../common/step-title.js';
import { useListHeight } from '../../common/use-list-height.js';
import { useTask } from '../../common/use-task.js';
import { useThrottledState } from '../../common/use-throttled-state.js';
import type { WizardAction } from '../../state/actions.js';
import type { PlannedRelease } from '../../state/steps.js';
import { DownloadView } from './download-view.js';
import { applyTargetEvent, NO_TARGET_PROGRESS } from './target-progress.js';
import type { TargetsProgress } from './target-progress.js';
import { TargetRowsView } from './target-rows-view.js';
import { screenPosition } from '../../state/screens.js';

/** Rows besides the targets': title, scroll lines, total, footer. */
const RESERVED_ROWS = 7;
/** Each target takes two lines. */
const LINES_PER_TARGET = 2;

export interface DownloadStepProps {
  readonly planned: PlannedRelease;
  readonly dispatch: (action: WizardAction) => void;
}

const NOTHING_YET: TargetsProgress = new Map();

export function DownloadStep({ planned, dispatch }: DownloadStepProps) {
  const services = useServices();
  const [progress, push] = useThrottledState(NOTHING_YET, applyTargetEvent);
  const lines = useListHeight(RESERVED_ROWS);
  useTask(
    () => services.download(planned, (target, event) => push({ target, event })),
    (downloads) => ({ type: 'downloaded', downloads }),
    dispatch,
  );
  const { targets } = planned.plan;
  const only = targets.length === 1 ? targets[0] : undefined;
  return (
    <Box flexDirection="column">
      <StepTitle
        position={screenPosition('downloading')}
        title={only ? 'Downloading the ISO' : `Downloading ${targets.length} targets`}
      />
      {only ? (
        <DownloadView url={only.url} progress={progress.get(only.name) ?? NO_TARGET_PROGRESS} />
      ) : (
        <TargetRowsView
          targets={targets}
          progress={progress}
          visible={Math.max(1, Math.floor(lines / LINES_PER_TARGET))}
        />
      )}
      <Footer hints="working" />
    </Box>
  );
}
