// The keys every filterable list answers the same way, so the version and extension screens
// differ only in what Enter, Esc and their own keys do.
import type { Key } from 'ink';
import { isKey, typedText } from '../keys.js';
import type { FilteredCursor } from './use-filtered-cursor.js';

/** Arrows, page keys, Home and End. Returns whether the key was one of them. */
export function moveInList(
  list: { move(delta: number): void },
  pageSize: number,
  input: string,
  key: Key,
): boolean {
  if (isKey('up', input, key)) list.move(-1);
  else if (isKey('down', input, key)) list.move(1);
  else if (isKey('pageUp', input, key)) list.move(-pageSize);
  else if (isKey('pageDown', input, key)) list.move(pageSize);
  else if (isKey('first', input, key)) list.move(-Number.MAX_SAFE_INTEGER);
  else if (isKey('last', input, key)) list.move(Number.MAX_SAFE_INTEGER);
  else return false;
  return true;
}

/** Backspace and typed characters edit the filter; check a screen's own keys before this. */
export function typeInFilter<T>(list: FilteredCursor<T>, input: string, key: Key): void {
  if (isKey('erase', input, key)) {
    list.erase();
    return;
  }
  const text = typedText(input, key);
  if (text !== '') list.type(text);
}
