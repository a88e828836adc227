// Bounded, jittered exponential backoff and the retry loop every caller shares (catalogue API,
// downloads, HEAD size checks, installer digests). Jitter keeps several clients from hammering
// the factory in lockstep; the cap keeps the worst case a person can wait out. Every wait honours
// the run's AbortSignal, so Ctrl-C never waits out a backoff.
import { CancelledError } from '../errors.js';

/** Upper bound for any single wait, so a generous policy never sleeps for minutes. */
export const MAX_BACKOFF_MS = 30_000;

export interface RetryPolicy {
  /** Retries after the first attempt; 0 means a single attempt. */
  readonly retries: number;
  /** The first backoff; each later one doubles. Tests pass a few milliseconds. */
  readonly backoffMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Injected for deterministic tests; default Math.random. */
  readonly random?: () => number;
}

/** The wait before retry number `retry` (0-based): between half and all of base × 2^retry. */
export function backoffDelay(
  retry: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, retry));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('cancelled', { cause: signal.reason });
}

/** Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError('cancelled', { cause: signal.reason }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError('cancelled', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, `isRetryable` says no, or the retries are spent; the last
 * error is rethrown as-is so the caller can turn it into a NetworkError with its own wording.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy,
): Promise<T> {
  for (let attemptNumber = 0; ; attemptNumber += 1) {
    throwIfCancelled(policy.signal);
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      throwIfCancelled(policy.signal);
      if (attemptNumber >= policy.retries || !isRetryable(error)) throw error;
    }
    await abortableDelay(
      backoffDelay(attemptNumber, policy.backoffMs, policy.random),
      policy.signal,
    );
  }
}
