// The version screen's state: the factory's versions newest first, narrowed by what is typed.
import type { ClassifiedVersion } from '../../../core/versions/index.js';
import { useFilteredCursor } from '../../common/use-filtered-cursor.js';
import type { FilteredCursor } from '../../common/use-filtered-cursor.js';

const keyOf = (entry: ClassifiedVersion): string => entry.version;

/** `1.11` matches v1.11.0 … v1.11.9; a leading `v` is optional. */
export function versionMatches(entry: ClassifiedVersion, filter: string): boolean {
  const wanted = filter.trim().toLowerCase().replace(/^v/, '');
  return entry.version.slice(1).startsWith(wanted) || entry.version.includes(wanted);
}

export function useVersionList(
  versions: readonly ClassifiedVersion[],
  highlighted: string | undefined,
): FilteredCursor<ClassifiedVersion> {
  return useFilteredCursor({
    items: versions,
    keyOf,
    matches: versionMatches,
    initialKey: highlighted,
  });
}
