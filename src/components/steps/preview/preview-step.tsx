// Step 5: everything the release will be, before anything is sent or written. Enter submits;
// problems block it and say how to fix them.
import { posix } from 'node:path';
import { Box } from 'ink';
import { isGlobalKey, isKey } from '../../keys.js';
import { Footer } from '../../common/footer.js';
import { StepTitle } from '../../common/step-title.js';
import type { WizardAction } from '../../state/actions.js';
import type { PlannedTarget, PlanProblem } from '../../../core/pipeline/index.js';
import type { PlannedRelease } from '../../state/steps.js';
import { Tone } from '../../theme.js';
import { ChangesSince } from './changes-since.js';
import { SchematicDiff } from './schematic-diff.js';
import { useKeys } from '../../common/use-keys.js';
import { screenPosition } from '../../state/screens.js';

export interface PreviewStepProps {
  readonly planned: PlannedRelease;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function PreviewStep({ planned, isActive, dispatch }: PreviewStepProps) {
  const { plan, project } = planned;
  const blocked = plan.problems.length > 0;
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    if (isKey('submit', input, key) && !blocked) dispatch({ type: 'preview-accepted' });
    else if (isKey('back', input, key)) dispatch({ type: 'back' });
  }, isActive);
  return (
    <Box flexDirection="column">
      <StepTitle
        position={screenPosition('preview')}
        title={`Preview of release ${plan.answers.releaseVersion}`}
      />
      <ChangesSince previous={project.currentManifest} plan={plan} />
      <SchematicDiff path={plan.paths.schematicRelative} update={plan.schematicFileUpdate} />
      <Box flexDirection="column" marginTop={1}>
        <Field label="Schematic ID" value={plan.schematicId} />
        {plan.targets.map((target, index) => (
          <Field
            key={target.name}
            label={index === 0 ? (plan.targets.length === 1 ? 'ISO' : 'Images') : ''}
            value={target.url}
          />
        ))}
        {plan.installers.map((installer, index) => (
          <Field
            key={installer.image}
            label={index === 0 ? (plan.installers.length === 1 ? 'Installer' : 'Installers') : ''}
            value={installer.image}
          />
        ))}
        <Field label="Will write" value={plan.paths.manifestRelative} />
        <Field label="" value={plan.paths.channelRelative} />
        {plan.targets.length === 1 ? (
          <Field label="" value={plan.paths.isoRelative} />
        ) : (
          <Field label="" value={imagesWritten(plan.targets)} />
        )}
        {plan.schematicFileUpdate ? <Field label="" value={plan.paths.schematicRelative} /> : null}
      </Box>
      {[...plan.normalFormChanges, ...plan.warnings].map((note) => (
        <Tone key={note} tone="warn">{`! ${note}`}</Tone>
      ))}
      {plan.problems.map((problem) => (
        <Box key={problem.message} flexDirection="column">
          <Tone tone="bad">{`✗ ${problem.message}`}</Tone>
          {problem.hint ? <Tone tone="muted">{`  ${wizardHint(problem)}`}</Tone> : null}
        </Box>
      ))}
      <Footer hints={blocked ? 'preview-blocked' : 'preview'} />
    </Box>
  );
}

/** Several images: how many, and the folder they go to (their names are in the URLs above). */
function imagesWritten(targets: readonly PlannedTarget[]): string {
  const folders = [...new Set(targets.map((t) => posix.dirname(t.localPathRelative)))];
  return `${targets.length} images in ${folders.join(', ')}/`;
}

/** The core's hints name flags; here the fix is usually a field one Esc away. */
function wizardHint(problem: PlanProblem): string | undefined {
  switch (problem.kind) {
    case 'release-exists':
      return 'Press esc and type another release version (or run again with --force to overwrite it).';
    case 'kubernetes':
      return `Press esc and fix the Kubernetes version. ${problem.hint ?? ''}`.trim();
    default:
      return problem.hint;
  }
}

function Field({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Box>
      <Box width={14} flexShrink={0}>
        <Tone tone="muted">{label}</Tone>
      </Box>
      <Tone tone="plain" wrap="wrap">
        {value}
      </Tone>
    </Box>
  );
}
