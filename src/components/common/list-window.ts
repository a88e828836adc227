// Pure arithmetic for windowed lists: which slice of a long list is on screen, so a list of 200
// Talos versions never grows taller than the terminal.

export interface ListWindow {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** The slice of `height` rows that keeps `cursor` visible, scrolled as little as possible. */
export function windowAround(count: number, cursor: number, height: number): ListWindow {
  const size = Math.max(1, height);
  if (count <= size) return { start: 0, end: count };
  const half = Math.floor(size / 2);
  const start = Math.min(Math.max(0, cursor - half), count - size);
  return { start, end: start + size };
}

/** Moves a cursor by `delta`, stopping at the ends (no wrap: wrapping loses people in long lists). */
export function clampCursor(cursor: number, delta: number, count: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, cursor + delta));
}
