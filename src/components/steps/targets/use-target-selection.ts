// The Targets screen's state: which targets are picked, in order (the first is the primary), and
// which row is highlighted. The cursor only ever rests on a target, never on a group title.
import { useMemo, useState } from 'react';
import type { TargetRequest } from '../../../core/pipeline/targets-plan.js';
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

export function useTargetSelection(
  talosVersion: string,
  initiallyPicked: readonly TargetRequest[],
): TargetSelection {
  const [picked, setPicked] = useState<readonly TargetRequest[]>(initiallyPicked);
  // Rows from what was picked on arrival, so unpicking an "also picked" target keeps its row.
  const rows = useMemo(
    () => targetRows(talosVersion, initiallyPicked),
    [talosVersion, initiallyPicked],
  );
  const targetIndexes = useMemo(
    () => rows.flatMap((row, index) => (row.kind === 'target' ? [index] : [])),
    [rows],
  );
  const [position, setPosition] = useState(() => {
    const primary = initiallyPicked[0]?.name;
    const at = targetIndexes.findIndex((i) => nameAt(rows, i) === primary);
    return Math.max(0, at);
  });
  const cursor = targetIndexes[position] ?? 0;
  const highlighted = nameAt(rows, cursor);
  return {
    rows,
    cursor,
    highlighted,
    picked,
    move: (delta) =>
      setPosition((current) => Math.min(targetIndexes.length - 1, Math.max(0, current + delta))),
    toggle: () => {
      if (highlighted === undefined) return;
      setPicked((current) =>
        current.some((t) => t.name === highlighted)
          ? current.filter((t) => t.name !== highlighted)
          : [...current, { name: highlighted }],
      );
    },
    makePrimary: () => {
      if (highlighted === undefined) return;
      setPicked((current) => {
        const existing = current.find((t) => t.name === highlighted) ?? { name: highlighted };
        return [existing, ...current.filter((t) => t.name !== highlighted)];
      });
    },
  };
}

function nameAt(rows: readonly TargetRow[], index: number): string | undefined {
  const row = rows[index];
  return row?.kind === 'target' ? row.name : undefined;
}
