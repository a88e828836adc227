// How a screen receives keys. Inside the wizard, the root owns the one Ink input subscription
// (made once, at start) and hands each key to the handler the current screen registered here.
// Registration happens in a layout effect, during the same commit that draws the screen, so a
// key typed the moment a screen appears reaches it. (Ink's useInput subscribes in a passive
// effect, which can run after the frame is visible, and a key arriving in between is lost.) The
// handler is read through a ref, so a key never acts on a previous render's state.
// Rendered on its own (screen tests), a screen subscribes through useInput instead. Either way a
// chunk of several keys is split and fed one key at a time (useEachKey).
import { useInput } from 'ink';
import type { Key } from 'ink';
import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState } from 'react';
import { splitKeys } from '../keys.js';
import type { KeyPress } from '../keys.js';

export type KeyHandler = (input: string, key: Key) => void;

/** Which screen handler keys go to; undefined between screens. */
export interface KeySlot {
  current: KeyHandler | undefined;
}

const KeySlotContext = createContext<KeySlot | undefined>(undefined);

export const KeySlotProvider = KeySlotContext.Provider;

export function useKeys(handler: KeyHandler, isActive: boolean): void {
  const slot = useContext(KeySlotContext);
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
  const standalone = useEachKey(stable);
  useLayoutEffect(() => {
    if (!slot || !isActive) return undefined;
    slot.current = stable;
    return () => {
      if (slot.current === stable) slot.current = undefined;
    };
  }, [slot, isActive, stable]);
  useInput(standalone, { isActive: isActive && !slot });
}

/**
 * Ink hands every key read at once to a handler as one `input` (keys.ts, splitKeys). This feeds
 * such a chunk to `handler` one key per commit: the first at once, each later one from a layout
 * effect after the previous key's state change has rendered, so `1.11` then Enter in one read
 * chooses from the narrowed list, and a key after a screen change reaches the new screen.
 */
export function useEachKey(handler: KeyHandler): KeyHandler {
  const latest = useRef(handler);
  latest.current = handler;
  const queue = useRef<KeyPress[]>([]).current;
  // Bumped to force one more commit when keys are waiting but the last key changed nothing.
  const [, setWaiting] = useState(0);
  const deliverNext = useCallback(() => {
    const next = queue.shift();
    if (next === undefined) return;
    latest.current(next.input, next.key);
    if (queue.length > 0) setWaiting((count) => count + 1);
  }, [queue]);
  useLayoutEffect(() => deliverNext());
  return useCallback<KeyHandler>(
    (input, key) => {
      const idle = queue.length === 0;
      queue.push(...splitKeys(input, key));
      if (idle) deliverNext();
    },
    [queue, deliverNext],
  );
}
