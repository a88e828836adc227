// The Targets screen's state: which targets are picked, in order (the first is the primary), and
// which row is highlighted. The cursor only ever rests on a target, never on a group title.
import { useMemo, useReducer } from 'react';
import type { TargetRequest } from '../../../core/pipeline/index.js';
import { targetRows } from './target-rows.js';
import type { TargetRow } from './target-rows.js';

export interface TargetSelection {
  readonly rows: readonly TargetRow[];
  /** Index into rows of the highlighted target. */
  readonly cursor: number;
  readonly highlighted: string | undefined;
  readonly picked: readonly TargetRequest[];
  move(delta: number): void;
  toggle(): void;
  /** Picks the highlighted target if needed and puts it first. */
  makePrimary(): void;
}

interface SelectionState {
  /** Index into the target rows (group titles not counted). */
  readonly position: number;
  readonly picked: readonly TargetRequest[];
}

type SelectionAction =
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'toggle' }
  | { readonly type: 'primary' };

export function useTargetSelection(
  talosVersion: string,
  initiallyPicked: readonly TargetRequest[],
): TargetSelection {
  // Rows from what was picked on arrival, so unpicking an "also picked" target keeps its row.
  const rows = useMemo(
    () => targetRows(talosVersion, initiallyPicked),
    [talosVersion, initiallyPicked],
  );
  const targetIndexes = useMemo(
    () => rows.flatMap((row, index) => (row.kind === 'target' ? [index] : [])),
    [rows],
  );
  // One reducer, so keys that arrive faster than frames act on the state the previous key left.
  const [state, dispatch] = useReducer(
    (current: SelectionState, action: SelectionAction): SelectionState => {
      if (action.type === 'move') {
        const last = targetIndexes.length - 1;
        return {
          ...current,
          position: Math.min(last, Math.max(0, current.position + action.delta)),
        };
      }
      const name = nameAt(rows, targetIndexes[current.position] ?? -1);
      if (name === undefined) return current;
      const others = current.picked.filter((t) => t.name !== name);
      if (action.type === 'toggle') {
        const isPicked = others.length < current.picked.length;
        return { ...current, picked: isPicked ? others : [...current.picked, { name }] };
      }
      const existing = current.picked.find((t) => t.name === name) ?? { name };
      return { ...current, picked: [existing, ...others] };
    },
    undefined,
    (): SelectionState => {
      const primary = initiallyPicked[0]?.name;
      const at = targetIndexes.findIndex((i) => nameAt(rows, i) === primary);
      return { position: Math.max(0, at), picked: initiallyPicked };
    },
  );
  const cursor = targetIndexes[state.position] ?? 0;
  return {
    rows,
    cursor,
    highlighted: nameAt(rows, cursor),
    picked: state.picked,
    move: (delta) => dispatch({ type: 'move', delta }),
    toggle: () => dispatch({ type: 'toggle' }),
    makePrimary: () => dispatch({ type: 'primary' }),
  };
}

function nameAt(rows: readonly TargetRow[], index: number): string | undefined {
  const row = rows[index];
  return row?.kind === 'target' ? row.name : undefined;
}
