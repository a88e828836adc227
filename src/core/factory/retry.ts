// Bounded retries with exponential backoff and full jitter, shared by the catalogue client and
// the download engine. Waiting honours the run's AbortSignal, so Ctrl-C never waits out a backoff.
import { setTimeout as sleep } from 'node:timers/promises';
import { CancelledError } from '../errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt; 0 means a single attempt. */
  readonly retries: number;
  /** The first backoff; each later one doubles. Tests pass a few milliseconds. */
  readonly backoffMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Injected for deterministic tests; default Math.random. */
  readonly random?: () => number;
}

/** Upper bound for any single wait, so a generous policy never sleeps for minutes. */
const MAX_BACKOFF_MS = 30_000;

/** The wait before retry number `retry` (0-based): between half and all of base × 2^retry. */
export function backoffDelay(retry: number, baseMs: number, random: () => number = Math.random) {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** retry);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('Cancelled.', { cause: signal.reason });
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
    const delay = backoffDelay(attemptNumber, policy.backoffMs, policy.random);
    try {
      await sleep(delay, undefined, policy.signal ? { signal: policy.signal } : {});
    } catch (error) {
      throw new CancelledError('Cancelled.', { cause: error });
    }
  }
}
