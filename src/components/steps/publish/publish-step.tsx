// The publish itself, once the release is written: the core's publish (the same as
// `talos-release publish`) through the services, its events folded into rows. Ctrl-C aborts the
// run's signal; the release stays written either way.
import { Box } from 'ink';
import { Footer } from '../../common/footer.js';
import { StepTitle } from '../../common/step-title.js';
import { useTask } from '../../common/use-task.js';
import { useThrottledState } from '../../common/use-throttled-state.js';
import { useServices } from '../../services/context.js';
import type { WizardAction } from '../../state/actions.js';
import { screenPosition } from '../../state/screens.js';
import type { ReadyRelease } from '../../state/steps.js';
import { applyPublishEvent, NO_PUBLISH_PROGRESS } from './publish-progress.js';
import { PublishProgressView } from './publish-progress-view.js';

export interface PublishStepProps {
  readonly ready: ReadyRelease;
  readonly publishTo: string;
  readonly dispatch: (action: WizardAction) => void;
}

export function PublishStep({ ready, publishTo, dispatch }: PublishStepProps) {
  const services = useServices();
  const [progress, push] = useThrottledState(NO_PUBLISH_PROGRESS, applyPublishEvent);
  useTask(
    () => services.publish(ready, publishTo, push),
    (publication) => ({ type: 'published', publication }),
    dispatch,
  );
  return (
    <Box flexDirection="column">
      <StepTitle
        position={screenPosition('publishing')}
        title={`Publishing ${ready.manifest.releaseVersion} to ${publishTo}`}
      />
      <PublishProgressView progress={progress} />
      <Footer hints="working" />
    </Box>
  );
}
