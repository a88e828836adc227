// Step 4: the release details, validated as they are typed, with defaults from the channel's
// current release.
import { Box } from 'ink';
import { useMemo, useState } from 'react';
import { Footer } from '../../common/footer.js';
import { StepTitle } from '../../common/step-title.js';
import type { WizardAction } from '../../state/actions.js';
import type { ExtensionChoice, ReleaseDetails } from '../../state/steps.js';
import { Tone } from '../../theme.js';
import { DetailsView } from './details-view.js';
import { trimmedDetails } from './fields.js';
import { typedFields } from './typed-fields.js';
import { useChannelDefaults } from './use-channel-defaults.js';
import { useDetailsForm } from './use-details-form.js';
import { useDetailsInput } from './use-details-input.js';
import { screenPosition } from '../../state/screens.js';

export interface DetailsStepProps {
  readonly choice: ExtensionChoice;
  readonly initial: ReleaseDetails;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function DetailsStep({ choice, initial, isActive, dispatch }: DetailsStepProps) {
  const { session, talosVersion } = choice;
  const typed = useMemo(() => typedFields(initial, session), [initial, session]);
  const form = useDetailsForm(initial, { talosVersion, root: session.project.root }, typed);
  const source = useChannelDefaults(form, session);
  const [attempted, setAttempted] = useState(false);
  useDetailsInput({
    form,
    isActive,
    onSubmit: () => {
      setAttempted(true);
      if (form.focusFirstProblem()) return;
      dispatch({ type: 'details-entered', details: trimmedDetails(form.values) });
    },
    onBack: () => dispatch({ type: 'back', details: form.values }),
  });
  return (
    <Box flexDirection="column">
      <StepTitle position={screenPosition('details')} title="Release details" />
      <Tone tone="plain">{`Talos ${talosVersion} with ${choice.extensions.length} extensions. Describe the release:`}</Tone>
      <DetailsView
        form={form}
        source={defaultsSource(source.current, source.channel)}
        attempted={attempted}
      />
      <Footer hints="details" />
    </Box>
  );
}

function defaultsSource(current: string | undefined, channel: string): string {
  return current
    ? `Defaults follow ${channel}'s current release ${current}.`
    : `First release on ${channel}: there is no earlier release to take defaults from.`;
}
