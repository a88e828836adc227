import { isGlobalKey, isKey } from '../../keys.js';
import type { FilteredCursor } from '../../common/use-filtered-cursor.js';
import type { ClassifiedVersion } from '../../../core/versions/index.js';
import { useKeys } from '../../common/use-keys.js';
import { moveInList, typeInFilter } from '../../common/list-keys.js';

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
    if (moveInList(list, pageSize, input, key)) return;
    if (isKey('submit', input, key)) {
      if (list.highlighted) onChoose(list.highlighted.version);
    } else if (isKey('back', input, key)) list.clearFilter();
    else typeInFilter(list, input, key);
  }, isActive);
}
