// The extension screen's state: which names are ticked, and the rows and problems that follow.
import { useMemo, useState } from 'react';
import type { ExtensionInfo } from '../../../core/catalogue/index.js';
import { useFilteredCursor } from '../../common/use-filtered-cursor.js';
import type { FilteredCursor } from '../../common/use-filtered-cursor.js';
import { extensionRows, rowKey, rowMatches } from './extension-rows.js';
import type { ExtensionRow } from './extension-rows.js';

export interface ExtensionSelection {
  readonly list: FilteredCursor<ExtensionRow>;
  readonly selected: ReadonlySet<string>;
  readonly blockingProblems: number;
  toggle(row: ExtensionRow): void;
  /** Replaces a problem name with its suggestion. */
  acceptSuggestion(row: ExtensionRow): void;
}

export function useExtensionSelection(
  catalogue: readonly ExtensionInfo[],
  talosVersion: string,
  initiallySelected: readonly string[],
): ExtensionSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initiallySelected));
  const rows = useMemo(
    () => extensionRows(selected, catalogue, talosVersion),
    [selected, catalogue, talosVersion],
  );
  const list = useFilteredCursor({
    items: rows,
    keyOf: rowKey,
    matches: rowMatches,
    initialKey: rows[0] ? rowKey(rows[0]) : undefined,
  });
  const update = (change: (next: Set<string>) => void): void =>
    setSelected((current) => {
      const next = new Set(current);
      change(next);
      return next;
    });
  return {
    list,
    selected,
    blockingProblems: rows.filter((row) => row.kind === 'problem' && row.blocking).length,
    toggle: (row) =>
      update((next) => {
        const name = row.kind === 'extension' ? row.info.name : row.name;
        if (next.has(name)) next.delete(name);
        else next.add(name);
      }),
    acceptSuggestion: (row) => {
      if (row.kind !== 'problem' || row.suggestion === undefined) return;
      const suggestion = row.suggestion;
      update((next) => {
        next.delete(row.name);
        next.add(suggestion);
      });
    },
  };
}
