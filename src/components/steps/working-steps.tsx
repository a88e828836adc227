// The short working steps: one task each, a spinner while it runs, and the result as an action.
import { Box } from 'ink';
import { useState } from 'react';
import { formatDuration } from '../../core/format/index.js';
import { useServices } from '../services/context.js';
import { Footer } from '../common/footer.js';
import { Spinner } from '../common/spinner.js';
import { StepTitle } from '../common/step-title.js';
import { useTask } from '../common/use-task.js';
import type { WizardAction } from '../state/actions.js';
import type {
  DetailsChoice,
  DownloadedRelease,
  PlannedRelease,
  ReadyRelease,
  VersionChoice,
} from '../state/steps.js';
import { screenPosition } from '../state/screens.js';

type Dispatch = (action: WizardAction) => void;

export function LoadingExtensionsStep({
  choice,
  dispatch,
}: {
  readonly choice: VersionChoice;
  readonly dispatch: Dispatch;
}) {
  const services = useServices();
  useTask(
    () => services.listExtensions(choice.talosVersion),
    (catalogue) => ({ type: 'extensions-loaded', catalogue }),
    dispatch,
  );
  return (
    <Working
      position={screenPosition('loading-extensions')}
      title="Extensions"
      label={`Loading the extension catalogue for Talos ${choice.talosVersion}…`}
    />
  );
}

export function PlanningStep({
  choice,
  dispatch,
}: {
  readonly choice: DetailsChoice;
  readonly dispatch: Dispatch;
}) {
  const services = useServices();
  useTask(
    () => services.plan(choice),
    ({ project, plan }) => ({ type: 'planned', project, plan }),
    dispatch,
  );
  return (
    <Working
      position={screenPosition('planning')}
      title="Preview"
      label="Working out the release…"
    />
  );
}

export function SubmitStep({
  planned,
  dispatch,
}: {
  readonly planned: PlannedRelease;
  readonly dispatch: Dispatch;
}) {
  const services = useServices();
  useTask(
    () => services.submit(planned),
    () => ({ type: 'submitted' }),
    dispatch,
  );
  return (
    <Working
      position={screenPosition('submitting')}
      title="Submitting the schematic"
      label={`Submitting the schematic to ${planned.plan.answers.factoryUrl} and checking its ID…`}
    />
  );
}

export function InstallerStep({
  downloaded,
  dispatch,
}: {
  readonly downloaded: DownloadedRelease;
  readonly dispatch: Dispatch;
}) {
  const services = useServices();
  const [buildingMs, setBuildingMs] = useState<number | undefined>(undefined);
  useTask(
    () => services.resolveInstaller(downloaded, setBuildingMs),
    ({ installer, manifest }) => ({ type: 'installer-resolved', installer, manifest }),
    dispatch,
  );
  const image = downloaded.plan.refs.installerImage;
  return (
    <Working
      position={screenPosition('resolving-installer')}
      title="Installer digest"
      label={
        buildingMs === undefined
          ? `Resolving ${image}…`
          : `Building installer… ${formatDuration(buildingMs)} (the factory builds it on first request)`
      }
    />
  );
}

export function WritingStep({
  ready,
  dispatch,
}: {
  readonly ready: ReadyRelease;
  readonly dispatch: Dispatch;
}) {
  const services = useServices();
  useTask(
    () => services.write(ready),
    (written) => ({ type: 'written', written }),
    dispatch,
  );
  return (
    <Working
      position={screenPosition('writing')}
      title="Writing"
      label={`Writing ${ready.plan.paths.manifestRelative} and the channel…`}
    />
  );
}

function Working({
  position,
  title,
  label,
}: {
  readonly position: string;
  readonly title: string;
  readonly label: string;
}) {
  return (
    <Box flexDirection="column">
      <StepTitle position={position} title={title} />
      <Spinner label={label} />
      <Footer hints="working" />
    </Box>
  );
}
