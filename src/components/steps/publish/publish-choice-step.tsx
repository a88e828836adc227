// The Publish screen, right after Confirm and before anything is written: publish the release to
// the team's registry (publish.to in talos-release.yaml), skip, or type another destination; `s`
// remembers the choice in the file for the next release.
import { Box } from 'ink';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { PROJECT_FILE_NAME } from '../../../core/project-file/index.js';
import type { PublishSettings } from '../../../core/project-file/index.js';
import { Footer } from '../../common/footer.js';
import { StepTitle } from '../../common/step-title.js';
import { useKeys } from '../../common/use-keys.js';
import { isGlobalKey } from '../../keys.js';
import { useServices } from '../../services/context.js';
import type { WizardAction } from '../../state/actions.js';
import { describeError } from '../../state/describe-error.js';
import { screenPosition } from '../../state/screens.js';
import type { ReadyRelease } from '../../state/steps.js';
import { Tone } from '../../theme.js';
import type { ToneName } from '../../theme.js';
import { destinationProblem, initialPublishChoice, pressPublishKey } from './publish-choice.js';
import type { PublishRow } from './publish-choice.js';

export interface PublishChoiceStepProps {
  readonly ready: ReadyRelease;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

interface Message {
  readonly tone: ToneName;
  readonly text: string;
}

export function PublishChoiceStep({ ready, isActive, dispatch }: PublishChoiceStepProps) {
  const services = useServices();
  const { session } = ready.choice;
  const [choice, setChoice] = useState(() => initialPublishChoice(session.publish));
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const save = (settings: PublishSettings): void => {
    setMessage({ tone: 'muted', text: `Saving to ${PROJECT_FILE_NAME}…` });
    services.savePublish(session, settings).then(
      () => setMessage({ tone: 'good', text: `✔ Saved: ${savedText(settings)} (comments kept)` }),
      (error: unknown) =>
        setMessage({ tone: 'bad', text: `✗ Not saved: ${describeError(error).message}` }),
    );
  };
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    const { choice: next, effect } = pressPublishKey(choice, input, key);
    setChoice(next);
    if (effect?.type === 'chosen') dispatch({ type: 'publish-chosen', to: effect.to });
    else if (effect?.type === 'back') dispatch({ type: 'back' });
    else if (effect?.type === 'save') save(effect.settings);
  }, isActive);
  const problem = destinationProblem(choice.destination);
  const editing = choice.cursor === 'destination';
  const release = ready.manifest.releaseVersion;
  return (
    <Box flexDirection="column">
      <StepTitle position={screenPosition('choose-publish')} title="Publish" />
      <Tone tone="plain" wrap="wrap">
        {`Publish release ${release} and its installers once it is written?`}
      </Tone>
      <Tone tone="muted" wrap="truncate-end">
        {session.publish.to === undefined
          ? `${PROJECT_FILE_NAME} names no destination (publish.to).`
          : `${PROJECT_FILE_NAME}: publish.to ${session.publish.to}${session.publish.skip ? ', skip: true' : ''}`}
      </Tone>
      <Box flexDirection="column" marginTop={1}>
        <Row at={choice.cursor} row="publish">
          {problem === undefined ? (
            <Tone tone="plain">{`Publish to ${choice.destination.trim()}`}</Tone>
          ) : (
            <Tone tone="muted">Publish (type a destination below first)</Tone>
          )}
        </Row>
        <Row at={choice.cursor} row="skip">
          <Tone tone="plain">Skip publishing</Tone>
          <Tone tone="muted"> (the release stays on this disk)</Tone>
        </Row>
        <Row at={choice.cursor} row="destination">
          <Tone tone="muted">Destination </Tone>
          <Tone
            tone={editing ? 'accent' : 'plain'}
          >{`${choice.destination}${editing ? '▏' : ''}`}</Tone>
        </Row>
        <Tone
          tone={problem === undefined ? 'good' : editing ? 'warn' : 'muted'}
          wrap="truncate-end"
        >
          {`    ${problem === undefined ? '✔ <host[:port]>/<prefix>' : problem}`}
        </Tone>
      </Box>
      <Tone tone={choice.problem ? 'bad' : (message?.tone ?? 'plain')} wrap="truncate-end">
        {choice.problem ? `✗ ${choice.problem}` : (message?.text ?? ' ')}
      </Tone>
      <Footer hints={editing ? 'publish-editing' : 'publish'} />
    </Box>
  );
}

function Row({
  at,
  row,
  children,
}: {
  readonly at: PublishRow;
  readonly row: PublishRow;
  readonly children: ReactNode;
}) {
  return (
    <Box>
      <Tone tone="accent">{at === row ? '› ' : '  '}</Tone>
      {children}
    </Box>
  );
}

function savedText(settings: PublishSettings): string {
  const to = settings.to === undefined ? [] : [`publish.to ${settings.to}`];
  return [...to, ...(settings.skip ? ['skip by default'] : ['publish by default'])].join(', ');
}
