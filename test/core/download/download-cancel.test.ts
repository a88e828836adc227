import { afterEach, describe, expect, it } from 'vitest';
import {
  downloadArtifact,
  partPathFor,
  resumeRecordPathFor,
} from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { CancelledError } from '../../../src/core/errors.js';
import { waitUntil } from './poll.js';
import { expectedSha256, IMAGE_SIZE, startFixture, sha256Of, sizeOf } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

describe('cancellation', () => {
  it('stops mid-stream, keeps the .part, and the next run resumes from it', async () => {
    fixture = await startFixture({
      imageDelivery: 'redirect',
      faults: [
        {
          match: { method: 'GET', path: /^\/cdn\// },
          fault: { kind: 'stall', afterBytes: 400_000 },
          times: 1,
        },
      ],
    });
    const part = partPathFor(fixture.dest);
    const controller = new AbortController();
    const first = downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      signal: controller.signal,
      ...fast,
    });
    first.catch(() => undefined);
    await waitUntil(async () => (await sizeOf(part)) === 400_000, 'the stalled body is on disk');
    controller.abort();

    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).exitCode).toBe(130);
    expect(await sizeOf(part)).toBe(400_000);
    expect(await sizeOf(fixture.dest)).toBe(-1);

    const events: DownloadEvent[] = [];
    const second = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      ...fast,
    });
    expect(events).toContainEqual({ type: 'resume', fromByte: 400_000 });
    expect(second).toMatchObject({ resumed: true, size: IMAGE_SIZE });
    expect(second.sha256).toBe(await expectedSha256());
    expect(await sha256Of(fixture.dest)).toBe(second.sha256);
    expect(await sizeOf(part)).toBe(-1);
    // The next run proved with If-Range that the CDN still had the file whose start was on disk.
    const ranged = fixture.standin.requests.filter(
      (r) => r.url.startsWith('/cdn/') && r.headers['range'],
    );
    const cdn = await fetch(`${fixture.standin.url}${ranged[0]?.url ?? ''}`, { method: 'HEAD' });
    expect(ranged.map((r) => r.headers['if-range'])).toEqual([cdn.headers.get('etag')]);
    expect(await sizeOf(resumeRecordPathFor(fixture.dest))).toBe(-1);
  });

  it('keeps the .part when cancelled before the first byte arrives', async () => {
    fixture = await startFixture({
      faults: [
        { match: { method: 'GET', path: /^\/image\// }, fault: { kind: 'stall', afterBytes: 0 } },
      ],
    });
    const part = partPathFor(fixture.dest);
    const controller = new AbortController();
    const run = downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      signal: controller.signal,
      ...fast,
      idleTimeoutMs: 60_000,
    });
    run.catch(() => undefined);
    await waitUntil(async () => (await sizeOf(part)) === 0, 'the .part is open');
    controller.abort();
    expect(await run.catch((e: unknown) => e)).toBeInstanceOf(CancelledError);
    expect(await sizeOf(part)).toBe(0);
  });
});
