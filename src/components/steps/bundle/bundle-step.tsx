// Bundling for an air-gapped site, asked for on the Done screen: the core's writeBundle (the same
// as `talos-release bundle`) through the services, its events folded into the publish screen's
// rows. Ctrl-C aborts the run's signal; the release stays written either way.
import { relative } from 'node:path';
import { Box } from 'ink';
import { Footer } from '../../common/footer.js';
import { useTask } from '../../common/use-task.js';
import { useThrottledState } from '../../common/use-throttled-state.js';
import { useServices } from '../../services/context.js';
import type { WizardAction } from '../../state/actions.js';
import type { ReadyRelease } from '../../state/steps.js';
import { Tone } from '../../theme.js';
import { applyPublishEvent, NO_PUBLISH_PROGRESS } from '../publish/publish-progress.js';
import { PublishProgressView } from '../publish/publish-progress-view.js';

export interface BundleStepProps {
  readonly ready: ReadyRelease;
  /** Absolute: a .tar file or a folder. */
  readonly out: string;
  readonly dispatch: (action: WizardAction) => void;
}

export function BundleStep({ ready, out, dispatch }: BundleStepProps) {
  const services = useServices();
  const [progress, push] = useThrottledState(NO_PUBLISH_PROGRESS, applyPublishEvent);
  useTask(
    () => services.bundle(ready, out, push),
    (result) => ({ type: 'bundled', result }),
    dispatch,
  );
  return (
    <Box flexDirection="column">
      <Tone tone="strong" wrap="truncate-end">
        {`Bundling ${ready.manifest.releaseVersion} for an air-gapped site`}
      </Tone>
      <Tone tone="muted" wrap="truncate-end">{`  into ${shownPath(ready, out)}`}</Tone>
      <PublishProgressView progress={progress} into="bundle" />
      <Footer hints="working" />
    </Box>
  );
}

/** Relative to the project root when inside it: shorter, and what the operator typed. */
export function shownPath(ready: ReadyRelease, out: string): string {
  const inside = relative(ready.project.root, out);
  return inside === '' || inside.startsWith('..') ? out : inside;
}
