// Step 1: load the schematic and the version list. A bad schematic fails here, before any
// question is asked, and the error screen shows the file, the line and the fix.
import { Box } from 'ink';
import type { ReleaseRequest } from '../../core/pipeline/index.js';
import { useServices } from '../services/context.js';
import { Spinner } from '../common/spinner.js';
import { useTask } from '../common/use-task.js';
import type { WizardAction } from '../state/actions.js';

export interface StartStepProps {
  readonly request: ReleaseRequest;
  readonly dispatch: (action: WizardAction) => void;
}

export function StartStep({ request, dispatch }: StartStepProps) {
  const services = useServices();
  useTask(
    () => services.start(),
    (session) => ({ type: 'started', session }),
    dispatch,
  );
  return (
    <Box flexDirection="column">
      <Spinner
        label={`Loading ${request.schematicPath} and the Talos versions from ${request.factoryUrl}…`}
      />
    </Box>
  );
}
