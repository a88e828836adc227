// The wizard's one input subscription. Ctrl-C cancels (by aborting the run's one signal, so the
// download stops and keeps its .part), `?` shows the keys and any key closes them; every other
// key goes to the current screen through the key slot.
import { useInput } from 'ink';
import { useEffect, useRef } from 'react';
import { isKey } from './keys.js';
import { useEachKey } from './common/use-keys.js';
import type { KeySlot } from './common/use-keys.js';
import type { WizardAction } from './state/actions.js';

export function useGlobalKeys(options: {
  readonly controller: AbortController;
  readonly helpOpen: boolean;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}): KeySlot {
  const { controller, helpOpen, isActive, dispatch } = options;
  const slot = useRef<KeySlot>({ current: undefined }).current;
  const help = useRef(helpOpen);
  help.current = helpOpen;
  const handle = useEachKey((input, key) => {
    if (isKey('cancel', input, key)) controller.abort();
    else if (help.current || isKey('help', input, key)) dispatch({ type: 'toggle-help' });
    else slot.current?.(input, key);
  });
  useInput(handle, { isActive });
  // The signal is the one cancel path: Ctrl-C here, SIGINT or SIGTERM from the command.
  useEffect(() => {
    const cancel = (): void => dispatch({ type: 'cancel' });
    if (controller.signal.aborted) cancel();
    controller.signal.addEventListener('abort', cancel);
    return () => controller.signal.removeEventListener('abort', cancel);
  }, [controller, dispatch]);
  return slot;
}
