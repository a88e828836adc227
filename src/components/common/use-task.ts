// Runs a working step's one task when the step appears and turns its result into an action.
// A result that arrives after the step is gone (cancelled, or the operator moved on) is dropped.
import { useEffect, useRef } from 'react';
import type { WizardAction } from '../state/actions.js';

export function useTask<T>(
  run: () => Promise<T>,
  toAction: (value: T) => WizardAction,
  dispatch: (action: WizardAction) => void,
): void {
  // The first closures are the ones that count: the task runs once per mounted step.
  const latest = useRef({ run, toAction, dispatch });
  useEffect(() => {
    let current = true;
    const { run: start, toAction: convert, dispatch: send } = latest.current;
    Promise.resolve()
      .then(start)
      .then(
        (value) => {
          if (current) send(convert(value));
        },
        (error: unknown) => {
          if (current) send({ type: 'failed', error });
        },
      );
    return () => {
      current = false;
    };
  }, []);
}
