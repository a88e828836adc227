import { describe, expect, it } from 'vitest';
import {
  abortableDelay,
  backoffDelayMs,
  MAX_BACKOFF_MS,
} from '../../../src/core/download/backoff.js';
import { CancelledError } from '../../../src/core/errors.js';

describe('retry backoff', () => {
  it('grows exponentially with jitter between half and all of each step', () => {
    expect(backoffDelayMs(1, 500, () => 0)).toBe(250);
    expect(backoffDelayMs(1, 500, () => 1)).toBe(500);
    expect(backoffDelayMs(3, 500, () => 0)).toBe(1_000);
    expect(backoffDelayMs(3, 500, () => 1)).toBe(2_000);
  });

  it('never waits longer than the cap, however many retries', () => {
    expect(backoffDelayMs(40, 500, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it('stops waiting at once when the run is cancelled', async () => {
    const controller = new AbortController();
    const waiting = abortableDelay(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
  });
});
