// The Targets screen: which images the release ships, the primary first. Picked from the common
// targets of the version; the pick can be saved into talos-release.yaml for the next release.
import { Box } from 'ink';
import { useState } from 'react';
import { formatBytes } from '../../../core/format/index.js';
import { PROJECT_FILE_NAME } from '../../../core/project-file/index.js';
import { useServices } from '../../services/context.js';
import { Footer } from '../../common/footer.js';
import { StepTitle } from '../../common/step-title.js';
import { useListHeight } from '../../common/use-list-height.js';
import { WindowedList } from '../../common/windowed-list.js';
import type { WizardAction } from '../../state/actions.js';
import { describeError } from '../../state/describe-error.js';
import { plural } from '../../state/finished.js';
import { screenPosition } from '../../state/screens.js';
import type { ExtensionChoice } from '../../state/steps.js';
import type { TargetRequest } from '../../../core/pipeline/index.js';
import { Tone } from '../../theme.js';
import type { ToneName } from '../../theme.js';
import { TargetRowView } from './target-row-view.js';
import type { TargetRow } from './target-rows.js';
import { useTargetInput } from './use-target-input.js';
import { useTargetSelection } from './use-target-selection.js';
import { totalSize, useTargetSizes } from './use-target-sizes.js';
import type { TotalSize } from './use-target-sizes.js';

/** Rows the rest of this screen takes: title, summary, scroll lines, message, footer. */
const RESERVED_ROWS = 9;

export interface TargetsStepProps {
  readonly choice: ExtensionChoice;
  readonly selected: readonly TargetRequest[];
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

interface Message {
  readonly tone: ToneName;
  readonly text: string;
}

export function TargetsStep({ choice, selected, isActive, dispatch }: TargetsStepProps) {
  const services = useServices();
  const selection = useTargetSelection(choice.talosVersion, selected);
  const sizes = useTargetSizes(choice, selection.picked);
  const height = useListHeight(RESERVED_ROWS);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const { picked } = selection;
  useTargetInput({
    selection,
    pageSize: height,
    isActive,
    onContinue: () => {
      const problem = pickProblem(picked);
      if (problem) setMessage({ tone: 'bad', text: problem });
      else dispatch({ type: 'targets-chosen', targets: picked });
    },
    onBack: () => dispatch({ type: 'back', targets: picked }),
    onSave: () => {
      const problem = pickProblem(picked);
      if (problem) {
        setMessage({ tone: 'bad', text: problem });
        return;
      }
      setMessage({ tone: 'muted', text: `Saving to ${PROJECT_FILE_NAME}…` });
      services.saveTargets(choice, picked).then(
        () =>
          setMessage({
            tone: 'good',
            text: `✔ Saved ${plural(picked.length, 'target')} to ${PROJECT_FILE_NAME} (comments kept)`,
          }),
        (error: unknown) =>
          setMessage({ tone: 'bad', text: `✗ Not saved: ${describeError(error).message}` }),
      );
    },
  });
  const order = new Map(picked.map((t, index) => [t.name, index]));
  return (
    <Box flexDirection="column">
      <StepTitle
        position={screenPosition('choose-targets')}
        title={`Targets for Talos ${choice.talosVersion}`}
      />
      <Box>
        <Tone tone="plain">Pick the images to release: </Tone>
        <Tone tone="accent">{`${picked.length} picked`}</Tone>
        <Tone tone="muted">{` · ${totalText(totalSize(picked, sizes))}`}</Tone>
      </Box>
      <WindowedList
        items={selection.rows}
        cursor={selection.cursor}
        height={height}
        keyOf={rowKey}
        empty="no targets for this version"
        renderRow={(row, highlighted) => (
          <TargetRowView
            row={row}
            highlighted={highlighted}
            order={row.kind === 'target' ? order.get(row.name) : undefined}
            sizes={sizes}
          />
        )}
      />
      <Tone tone={message?.tone ?? 'plain'}>{message?.text ?? ' '}</Tone>
      <Footer hints="targets" />
    </Box>
  );
}

/** Why the pick cannot be a release yet; undefined when it can. */
function pickProblem(picked: readonly TargetRequest[]): string | undefined {
  if (picked.length === 0) return 'Pick at least one target (space).';
  if (!picked.some((t) => t.name.endsWith('.iso')))
    return 'Pick an ISO too: the manifest records the first ISO as os.iso.';
  return undefined;
}

function totalText(total: TotalSize): string {
  if (total.state === 'loading') return 'total …';
  const known = `total ${formatBytes(total.bytes)}`;
  if (total.unknown === 0) return known;
  // The factory answers for schematics it has seen: a new one is known once submitted.
  return total.bytes === 0 ? 'size unknown until submitted' : `${known} + ${total.unknown} unknown`;
}

function rowKey(row: TargetRow): string {
  return row.kind === 'group' ? `group:${row.title}` : row.name;
}
