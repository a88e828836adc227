import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../../src/core/download/progress-reporter.js';
import type { DownloadEvent } from '../../../src/core/download/types.js';

type Progress = Extract<DownloadEvent, { type: 'progress' }>;

function harness(total?: number) {
  const events: Progress[] = [];
  let clock = 1_000;
  const reporter = createProgressReporter({
    emit: (event) => {
      if (event.type === 'progress') events.push(event);
    },
    host: '127.0.0.1:8080',
    total,
    startBytes: 0,
    now: () => clock,
  });
  return { events, reporter, advanceClock: (ms: number) => (clock += ms) };
}

describe('progress events', () => {
  it('are throttled to one per interval however many chunks arrive, plus a final one', () => {
    const { events, reporter, advanceClock } = harness(1000);
    const hash = createHash('sha256');
    for (let chunk = 1; chunk <= 50; chunk += 1) {
      hash.update(Buffer.alloc(10, chunk));
      reporter.advance(chunk * 10, hash);
      advanceClock(5);
    }
    // 50 chunks over 250 ms at a 100 ms interval: the first, then one each 100 ms.
    expect(events.length).toBe(3);
    reporter.finish(500, hash);
    expect(events.length).toBe(4);
    expect(events.at(-1)?.bytes).toBe(500);
  });

  it('carry the hash of exactly the bytes so far, without finalising the running hash', () => {
    const { events, reporter } = harness();
    const running = createHash('sha256');
    const first = Buffer.from('first part of the image');
    running.update(first);
    reporter.finish(first.length, running);
    const rest = Buffer.from(' and the rest');
    running.update(rest);
    expect(events[0]?.sha256SoFar).toBe(createHash('sha256').update(first).digest('hex'));
    expect(running.digest('hex')).toBe(
      createHash('sha256')
        .update(Buffer.concat([first, rest]))
        .digest('hex'),
    );
  });

  it('report the rate and the time left when the total is known, and no ETA when it is not', () => {
    const known = harness(10_000);
    const hash = createHash('sha256');
    known.reporter.advance(0, hash);
    known.advanceClock(1_000);
    known.reporter.advance(2_000, hash);
    const last = known.events.at(-1);
    expect(last?.rateBytesPerSec).toBe(2_000);
    expect(last?.etaMs).toBe(4_000);
    expect(last?.host).toBe('127.0.0.1:8080');

    const unknown = harness(undefined);
    unknown.reporter.advance(0, hash);
    unknown.advanceClock(1_000);
    unknown.reporter.advance(2_000, hash);
    expect(unknown.events.at(-1)?.etaMs).toBeUndefined();
    expect(unknown.events.at(-1)?.total).toBeUndefined();
  });
});
