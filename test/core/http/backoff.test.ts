import { describe, expect, it } from 'vitest';
import { abortableDelay, backoffDelay, MAX_BACKOFF_MS } from '../../../src/core/http/index.js';
import { CancelledError } from '../../../src/core/errors.js';

describe('retry backoff', () => {
  it('grows exponentially with jitter between half and all of each step', () => {
    expect(backoffDelay(0, 500, () => 0)).toBe(250);
    expect(backoffDelay(0, 500, () => 1)).toBe(500);
    expect(backoffDelay(2, 500, () => 0)).toBe(1_000);
    expect(backoffDelay(2, 500, () => 1)).toBe(2_000);
  });

  it('never waits longer than the cap, however many retries', () => {
    expect(backoffDelay(39, 500, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it('stops waiting at once when the run is cancelled', async () => {
    const controller = new AbortController();
    const waiting = abortableDelay(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
  });
});
