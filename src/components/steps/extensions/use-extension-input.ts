import { isGlobalKey, isKey } from '../../keys.js';
import { moveInList, typeInFilter } from '../../common/list-keys.js';
import type { ExtensionSelection } from './use-extension-selection.js';
import { useKeys } from '../../common/use-keys.js';

export interface ExtensionInputOptions {
  readonly selection: ExtensionSelection;
  readonly pageSize: number;
  readonly isActive: boolean;
  /** Enter: the screen decides whether it may go on. */
  readonly onContinue: () => void;
  /** Esc with an empty filter. */
  readonly onBack: () => void;
}

/** The extension screen's keys: move, tick, filter, fix a problem, continue, back. */
export function useExtensionInput(options: ExtensionInputOptions): void {
  const { selection, pageSize, isActive } = options;
  const { list } = selection;
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    const row = list.highlighted;
    if (moveInList(list, pageSize, input, key)) return;
    if (isKey('toggle', input, key)) {
      if (row) selection.toggle(row);
    } else if (isKey('useSuggestion', input, key)) {
      if (row) selection.acceptSuggestion(row);
    } else if (isKey('submit', input, key)) options.onContinue();
    else if (isKey('back', input, key)) {
      if (list.filter !== '') list.clearFilter();
      else options.onBack();
    } else typeInFilter(list, input, key);
  }, isActive);
}
