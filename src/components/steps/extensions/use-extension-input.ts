import { isGlobalKey, isKey, typedText } from '../../keys.js';
import type { ExtensionSelection } from './use-extension-selection.js';
import { useKeys } from '../../shared/use-keys.js';

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
    if (isKey('up', input, key)) list.move(-1);
    else if (isKey('down', input, key)) list.move(1);
    else if (isKey('pageUp', input, key)) list.move(-pageSize);
    else if (isKey('pageDown', input, key)) list.move(pageSize);
    else if (isKey('first', input, key)) list.move(-Number.MAX_SAFE_INTEGER);
    else if (isKey('last', input, key)) list.move(Number.MAX_SAFE_INTEGER);
    else if (isKey('toggle', input, key)) {
      if (row) selection.toggle(row);
    } else if (isKey('useSuggestion', input, key)) {
      if (row) selection.acceptSuggestion(row);
    } else if (isKey('submit', input, key)) options.onContinue();
    else if (isKey('back', input, key)) {
      if (list.filter !== '') list.clearFilter();
      else options.onBack();
    } else if (isKey('erase', input, key)) list.erase();
    else {
      const text = typedText(input, key);
      if (text !== '') list.type(text);
    }
  }, isActive);
}
