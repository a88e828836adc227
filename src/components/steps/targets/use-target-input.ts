import { isGlobalKey, isKey } from '../../keys.js';
import { moveInList } from '../../common/list-keys.js';
import { useKeys } from '../../common/use-keys.js';
import type { TargetSelection } from './use-target-selection.js';

export interface TargetInputOptions {
  readonly selection: TargetSelection;
  readonly pageSize: number;
  readonly isActive: boolean;
  readonly onContinue: () => void;
  readonly onBack: () => void;
  readonly onSave: () => void;
}

/** The Targets screen's keys: move, pick, make primary, save, continue, back. */
export function useTargetInput(options: TargetInputOptions): void {
  const { selection, pageSize } = options;
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    if (moveInList(selection, pageSize, input, key)) return;
    if (isKey('toggle', input, key)) selection.toggle();
    else if (isKey('primary', input, key)) selection.makePrimary();
    else if (isKey('save', input, key)) options.onSave();
    else if (isKey('submit', input, key)) options.onContinue();
    else if (isKey('back', input, key)) options.onBack();
  }, options.isActive);
}
