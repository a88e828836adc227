// The state behind a filterable list: what was typed, and which item is highlighted. The highlight
// is remembered by key, not index, so narrowing the filter never jumps to an unrelated row.
import { useMemo, useState } from 'react';
import { clampCursor } from './list-window.js';

export interface FilteredCursor<T> {
  readonly filter: string;
  readonly visible: readonly T[];
  /** Index into `visible`; 0 when nothing matches. */
  readonly cursor: number;
  readonly highlighted: T | undefined;
  type(text: string): void;
  erase(): void;
  clearFilter(): void;
  move(delta: number): void;
}

export interface FilteredCursorOptions<T> {
  readonly items: readonly T[];
  readonly keyOf: (item: T) => string;
  readonly matches: (item: T, filter: string) => boolean;
  readonly initialKey: string | undefined;
}

export function useFilteredCursor<T>(options: FilteredCursorOptions<T>): FilteredCursor<T> {
  const { items, keyOf, matches } = options;
  const [filter, setFilter] = useState('');
  const [highlightedKey, setHighlightedKey] = useState(options.initialKey);
  const visible = useMemo(
    () => (filter === '' ? items : items.filter((item) => matches(item, filter))),
    [items, matches, filter],
  );
  const found = visible.findIndex((item) => keyOf(item) === highlightedKey);
  const cursor = found >= 0 ? found : 0;
  const highlightKeyAt = (index: number): void => {
    const item = visible[index];
    if (item !== undefined) setHighlightedKey(keyOf(item));
  };
  return {
    filter,
    visible,
    cursor,
    highlighted: visible[cursor],
    type: (text) => setFilter((current) => current + text),
    erase: () => setFilter((current) => current.slice(0, -1)),
    clearFilter: () => setFilter(''),
    move: (delta) => highlightKeyAt(clampCursor(cursor, delta, visible.length)),
  };
}
