import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/core/errors.js';
import { backoffDelay, withRetries } from '../../../src/core/http/index.js';

class Flaky extends Error {}

describe('withRetries', () => {
  it('retries retryable failures up to the limit, then rethrows the last one', async () => {
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls += 1;
        throw new Flaky(`attempt ${calls}`);
      },
      (error) => error instanceof Flaky,
      { retries: 3, backoffMs: 1 },
    );
    await expect(failing).rejects.toThrow('attempt 4');
    expect(calls).toBe(4);
  });

  it('returns the first success', async () => {
    let calls = 0;
    const value = await withRetries(
      async () => {
        calls += 1;
        if (calls < 3) throw new Flaky();
        return 'ok';
      },
      () => true,
      { retries: 5, backoffMs: 1 },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry what the predicate rejects', async () => {
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls += 1;
        throw new Error('refused');
      },
      (error) => error instanceof Flaky,
      { retries: 5, backoffMs: 1 },
    );
    await expect(failing).rejects.toThrow('refused');
    expect(calls).toBe(1);
  });

  it('stops waiting out a long backoff as soon as the run is cancelled', async () => {
    const controller = new AbortController();
    const failing = withRetries(
      async () => {
        throw new Flaky();
      },
      () => {
        // Cancel just after the backoff starts; the wait is a minute long.
        queueMicrotask(() => controller.abort());
        return true;
      },
      { retries: 1, backoffMs: 60_000, signal: controller.signal, random: () => 1 },
    );
    await expect(failing).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('backoffDelay', () => {
  it('doubles per retry with jitter between half and all of the ceiling', () => {
    expect(backoffDelay(0, 100, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, () => 1)).toBe(800);
  });

  it('never waits longer than 30 seconds', () => {
    expect(backoffDelay(20, 1_000, () => 1)).toBe(30_000);
  });
});
