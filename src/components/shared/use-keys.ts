// How a screen receives keys. Inside the wizard, the root owns the one Ink input subscription
// (made once, at start) and hands each key to the handler the current screen registered here.
// Registration happens in a layout effect, during the same commit that draws the screen, so a
// key typed the moment a screen appears reaches it. (Ink's useInput subscribes in a passive
// effect, which can run after the frame is visible, and a key arriving in between is lost.) The
// handler is read through a ref, so a key never acts on a previous render's state.
// Rendered on its own (screen tests), a screen subscribes through useInput instead.
import { useInput } from 'ink';
import type { Key } from 'ink';
import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';

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
  useLayoutEffect(() => {
    if (!slot || !isActive) return undefined;
    slot.current = stable;
    return () => {
      if (slot.current === stable) slot.current = undefined;
    };
  }, [slot, isActive, stable]);
  useInput(stable, { isActive: isActive && !slot });
}
