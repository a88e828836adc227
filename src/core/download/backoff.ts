// Bounded, jittered exponential backoff. Jitter keeps several clients (or a retried build) from
// hammering the factory in lockstep; the cap keeps the worst case a person can wait out.
import { CancelledError } from '../errors.js';

export const MAX_BACKOFF_MS = 30_000;

/**
 * Delay before retry number `attempt` (1-based): half of the exponential step is fixed and half is
 * random, so the delay grows predictably but never synchronises across clients.
 */
export function backoffDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
