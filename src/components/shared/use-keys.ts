// useInput with the newest handler always. Ink re-subscribes a handler only after React's effects
// run, so a key that arrives just after a frame is drawn would reach the previous render's handler
// and act on stale state (Enter choosing the row that was highlighted one keystroke ago).
import { useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useRef } from 'react';

export type KeyHandler = (input: string, key: Key) => void;

export function useKeys(handler: KeyHandler, isActive: boolean): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
  useInput(stable, { isActive });
}
