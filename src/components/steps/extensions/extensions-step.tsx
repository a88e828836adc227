// Step 3: the official extensions of the chosen version, pre-ticked from the schematic. Names the
// version does not offer are problems the operator must resolve before going on.
import { Box } from 'ink';
import { useState } from 'react';
import type { ExtensionInfo } from '../../../core/catalogue/index.js';
import { Footer } from '../../common/footer.js';
import { FilterLine } from '../../common/filter-line.js';
import { StepTitle } from '../../common/step-title.js';
import { useListHeight } from '../../common/use-list-height.js';
import { WindowedList } from '../../common/windowed-list.js';
import type { WizardAction } from '../../state/actions.js';
import { plural } from '../../state/finished.js';
import { Tone } from '../../theme.js';
import { ExtensionDetails } from './extension-details.js';
import { ExtensionRowView } from './extension-row-view.js';
import { rowKey } from './extension-rows.js';
import { useExtensionInput } from './use-extension-input.js';
import { useExtensionSelection } from './use-extension-selection.js';
import { screenPosition } from '../../state/screens.js';

/** Rows the rest of this screen takes: title, count, filter, scroll lines, details, message, footer. */
const RESERVED_ROWS = 13;

export interface ExtensionsStepProps {
  readonly talosVersion: string;
  readonly catalogue: readonly ExtensionInfo[];
  readonly selected: readonly string[];
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function ExtensionsStep(props: ExtensionsStepProps) {
  const { talosVersion, catalogue, dispatch } = props;
  const selection = useExtensionSelection(catalogue, talosVersion, props.selected);
  const height = useListHeight(RESERVED_ROWS);
  const [message, setMessage] = useState('');
  const chosen = (): string[] => [...selection.selected].sort();
  useExtensionInput({
    selection,
    pageSize: height,
    isActive: props.isActive,
    onContinue: () => {
      if (selection.blockingProblems > 0) {
        setMessage(
          `Resolve ${plural(selection.blockingProblems, 'problem')} first: tab uses the suggested name, space drops it.`,
        );
        return;
      }
      dispatch({ type: 'extensions-chosen', extensions: chosen() });
    },
    onBack: () => dispatch({ type: 'back', extensions: chosen() }),
  });
  const highlighted = selection.list.highlighted;
  return (
    <Box flexDirection="column">
      <StepTitle
        position={screenPosition('choose-extensions')}
        title={`Extensions for Talos ${talosVersion}`}
      />
      <Box>
        <Tone tone="plain">Tick the official extensions to bake in: </Tone>
        <Tone tone="accent">{`${selection.selected.size} selected`}</Tone>
        {selection.blockingProblems > 0 ? (
          <Tone tone="bad">{` · ${plural(selection.blockingProblems, 'problem')}`}</Tone>
        ) : null}
      </Box>
      <FilterLine
        filter={selection.list.filter}
        matches={selection.list.visible.length}
        total={catalogue.length}
        placeholder="type to search names and descriptions"
      />
      <WindowedList
        items={selection.list.visible}
        cursor={selection.list.cursor}
        height={height}
        minRows={catalogue.length}
        keyOf={rowKey}
        empty={`nothing matches "${selection.list.filter}" (esc clears the filter)`}
        renderRow={(row, isHighlighted) => (
          <ExtensionRowView
            row={row}
            highlighted={isHighlighted}
            ticked={row.kind === 'extension' && selection.selected.has(row.info.name)}
          />
        )}
      />
      <ExtensionDetails row={highlighted} />
      <Tone tone="bad">{message === '' || selection.blockingProblems === 0 ? ' ' : message}</Tone>
      <Footer hints={highlighted?.kind === 'problem' ? 'extensions-problem' : 'extensions'} />
    </Box>
  );
}
