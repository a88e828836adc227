// The "still waiting" ticker: what it reports is how long the operator has waited so far.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBuildingTicker } from '../../../src/core/http/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('startBuildingTicker', () => {
  it('never reports less than the intervals that have passed, even when the clock lags', () => {
    vi.useFakeTimers();
    const reports: number[] = [];
    // A wall clock that lags the timers by a millisecond, as it can on a real machine.
    let wall = 0;
    const stop = startBuildingTicker(
      (ms) => reports.push(ms),
      100,
      () => wall,
    );
    wall = 99;
    vi.advanceTimersByTime(100);
    wall = 199;
    vi.advanceTimersByTime(100);
    wall = 450;
    vi.advanceTimersByTime(100);
    stop();
    vi.advanceTimersByTime(500);
    expect(reports).toEqual([100, 200, 450]);
  });
});
