import { isGlobalKey, isKey, typedText } from '../../keys.js';
import type { FilteredCursor } from '../../shared/use-filtered-cursor.js';
import type { ClassifiedVersion } from '../../../core/versions/index.js';
import { useKeys } from '../../shared/use-keys.js';

export interface VersionInputOptions {
  readonly list: FilteredCursor<ClassifiedVersion>;
  readonly pageSize: number;
  readonly isActive: boolean;
  readonly onChoose: (version: string) => void;
}

/** The version screen's keys: move, filter, choose. Esc only clears the filter: this is the first question. */
export function useVersionInput({ list, pageSize, isActive, onChoose }: VersionInputOptions): void {
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    if (isKey('up', input, key)) list.move(-1);
    else if (isKey('down', input, key)) list.move(1);
    else if (isKey('pageUp', input, key)) list.move(-pageSize);
    else if (isKey('pageDown', input, key)) list.move(pageSize);
    else if (isKey('first', input, key)) list.move(-Number.MAX_SAFE_INTEGER);
    else if (isKey('last', input, key)) list.move(Number.MAX_SAFE_INTEGER);
    else if (isKey('submit', input, key)) {
      if (list.highlighted) onChoose(list.highlighted.version);
    } else if (isKey('back', input, key)) list.clearFilter();
    else if (isKey('erase', input, key)) list.erase();
    else {
      const text = typedText(input, key);
      if (text !== '') list.type(text);
    }
  }, isActive);
}
