import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { waitUntil } from './poll.js';
import { startFixture } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

type Progress = Extract<DownloadEvent, { type: 'progress' }>;

describe('progress while the body is silent', () => {
  it('keeps reporting, with the rate falling instead of frozen at its last value', async () => {
    const stalledAt = 400_000;
    fixture = await startFixture({
      faults: [
        {
          match: { method: 'GET', path: /^\/image\// },
          fault: { kind: 'stall', afterBytes: stalledAt },
        },
      ],
    });
    const events: DownloadEvent[] = [];
    const controller = new AbortController();
    const run = downloadArtifact({
      http: testHttp(),
      url: fixture.url,
      dest: fixture.dest,
      signal: controller.signal,
      idleTimeoutMs: 60_000,
      onEvent: (event) => events.push(event),
    });
    run.catch(() => undefined);
    const stalled = (): Progress[] =>
      events.filter((e): e is Progress => e.type === 'progress' && e.bytes === stalledAt);
    await waitUntil(() => stalled().length >= 3, 'several reports arrive during the stall');
    controller.abort();
    await run.catch(() => undefined);

    const reports = stalled();
    const first = reports[0];
    const last = reports[reports.length - 1];
    expect(last?.rateBytesPerSec).toBeLessThan(first?.rateBytesPerSec ?? 0);
    expect(last?.sha256SoFar).toBe(first?.sha256SoFar);
  });
});
