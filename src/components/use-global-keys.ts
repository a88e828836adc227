// The keys that work on every screen: Ctrl-C cancels (by aborting the run's one signal, so the
// download stops and keeps its .part), `?` shows the keys, and any key closes the help.
import { useEffect } from 'react';
import { isKey } from './keys.js';
import type { WizardAction } from './state/actions.js';
import { useKeys } from './shared/use-keys.js';

export function useGlobalKeys(options: {
  readonly controller: AbortController;
  readonly helpOpen: boolean;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}): void {
  const { controller, helpOpen, isActive, dispatch } = options;
  useKeys((input, key) => {
    if (isKey('cancel', input, key)) controller.abort();
    else if (helpOpen || isKey('help', input, key)) dispatch({ type: 'toggle-help' });
  }, isActive);
  // The signal is the one cancel path: Ctrl-C here, SIGINT or SIGTERM from the command.
  useEffect(() => {
    const cancel = (): void => dispatch({ type: 'cancel' });
    if (controller.signal.aborted) cancel();
    controller.signal.addEventListener('abort', cancel);
    return () => controller.signal.removeEventListener('abort', cancel);
  }, [controller, dispatch]);
}
