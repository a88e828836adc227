// The state behind a filterable list: what was typed, and which item is highlighted. The highlight
// is remembered by key, not index, so narrowing the filter never jumps to an unrelated row. Every
// change goes through one reducer, so keys that arrive faster than frames still all count.
import { useMemo, useReducer } from 'react';
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

interface CursorState {
  readonly filter: string;
  readonly highlightedKey: string | undefined;
}

type CursorAction =
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'erase' }
  | { readonly type: 'clear' }
  | { readonly type: 'move'; readonly delta: number };

export function useFilteredCursor<T>(options: FilteredCursorOptions<T>): FilteredCursor<T> {
  const { items, keyOf, matches } = options;
  const visibleFor = (filter: string): readonly T[] =>
    filter === '' ? items : items.filter((item) => matches(item, filter));
  const cursorIn = (visible: readonly T[], key: string | undefined): number =>
    Math.max(
      0,
      visible.findIndex((item) => keyOf(item) === key),
    );
  const [state, dispatch] = useReducer(
    (current: CursorState, action: CursorAction): CursorState => {
      switch (action.type) {
        case 'type':
          return { ...current, filter: current.filter + action.text };
        case 'erase':
          return { ...current, filter: current.filter.slice(0, -1) };
        case 'clear':
          return { ...current, filter: '' };
        case 'move': {
          const visible = visibleFor(current.filter);
          const next =
            visible[
              clampCursor(cursorIn(visible, current.highlightedKey), action.delta, visible.length)
            ];
          return next === undefined ? current : { ...current, highlightedKey: keyOf(next) };
        }
      }
    },
    { filter: '', highlightedKey: options.initialKey },
  );
  // visibleFor reads only items and matches, which are the dependencies.
  const visible = useMemo(() => visibleFor(state.filter), [items, matches, state.filter]);
  const cursor = cursorIn(visible, state.highlightedKey);
  return {
    filter: state.filter,
    visible,
    cursor,
    highlighted: visible[cursor],
    type: (text) => dispatch({ type: 'type', text }),
    erase: () => dispatch({ type: 'erase' }),
    clearFilter: () => dispatch({ type: 'clear' }),
    move: (delta) => dispatch({ type: 'move', delta }),
  };
}
