import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact, partPathFor } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { IntegrityError, NetworkError } from '../../../src/core/errors.js';
import {
  expectedSha256,
  IMAGE_PATH,
  IMAGE_SIZE,
  startFixture,
  sha256Of,
} from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

describe('downloading through injected faults', () => {
  it('starts over cleanly after a reset where the factory ignores ranges', async () => {
    fixture = await startFixture({
      faults: [
        {
          match: { method: 'GET', path: IMAGE_PATH },
          fault: { kind: 'reset', afterBytes: 300_000 },
          times: 1,
        },
      ],
    });
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      ...fast,
    });

    expect(result.sha256).toBe(await expectedSha256());
    expect(await sha256Of(fixture.dest)).toBe(result.sha256);
    expect(result).toMatchObject({ size: IMAGE_SIZE, retries: 1, resumed: false });
    expect(events.some((e) => e.type === 'retry')).toBe(true);
    expect(events.some((e) => e.type === 'restart' && /range/.test(e.reason))).toBe(true);
  });

  it('resumes from the .part after a reset where the CDN honours ranges', async () => {
    fixture = await startFixture({
      imageDelivery: 'redirect',
      faults: [
        {
          match: { method: 'GET', path: /^\/cdn\// },
          fault: { kind: 'reset', afterBytes: 300_000 },
          times: 1,
        },
      ],
    });
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      ...fast,
    });

    expect(result.sha256).toBe(await expectedSha256());
    expect(await sha256Of(fixture.dest)).toBe(result.sha256);
    expect(result).toMatchObject({ size: IMAGE_SIZE, retries: 1, resumed: true });
    const resume = events.find((e) => e.type === 'resume');
    expect(resume?.type === 'resume' && resume.fromByte).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'restart')).toBe(false);
    const ranged = fixture.standin.requests.filter(
      (r) => r.url.startsWith('/cdn/') && r.headers['range'],
    );
    expect(ranged.length).toBe(1);
    // The resume is guarded by the CDN's validator, so a rebuilt file would come back whole.
    const cdn = await fetch(`${fixture.standin.url}${ranged[0]?.url ?? ''}`, { method: 'HEAD' });
    expect(ranged[0]?.headers['if-range']).toBe(cdn.headers.get('etag'));
  });

  it('retries a 503 twice and then succeeds', async () => {
    fixture = await startFixture({
      faults: [
        {
          match: { method: 'GET', path: IMAGE_PATH },
          fault: { kind: 'status', status: 503, body: 'service temporarily unavailable' },
          times: 2,
        },
      ],
    });
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      ...fast,
    });

    expect(result.retries).toBe(2);
    expect(result.sha256).toBe(await expectedSha256());
    const retries = events.filter((e) => e.type === 'retry');
    expect(retries.map((e) => e.type === 'retry' && e.attempt)).toEqual([1, 2]);
    expect(retries.every((e) => e.type === 'retry' && e.reason.includes('503'))).toBe(true);
  });

  it('gives up with a network error when 5xx persists, leaving nothing under the final name', async () => {
    fixture = await startFixture({
      faults: [
        { match: { method: 'GET', path: IMAGE_PATH }, fault: { kind: 'status', status: 503 } },
      ],
    });
    const attempt = downloadArtifact({ url: fixture.url, dest: fixture.dest, retries: 2, ...fast });
    await expect(attempt).rejects.toBeInstanceOf(NetworkError);
    await expect(stat(fixture.dest)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fixture.standin.requests.filter((r) => r.method === 'GET').length).toBe(3);
  });

  it('retries a stalled body (idle timeout, not a total one) and completes', async () => {
    fixture = await startFixture({
      faults: [
        {
          match: { method: 'GET', path: IMAGE_PATH },
          fault: { kind: 'stall', afterBytes: 200_000 },
          times: 1,
        },
      ],
    });
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      backoffMs: 1,
      idleTimeoutMs: 300,
      http: fast.http,
    });
    expect(result.sha256).toBe(await expectedSha256());
    expect(events.some((e) => e.type === 'retry' && /stalled/.test(e.reason))).toBe(true);
  });

  it('never renames a truncated body into place: persistent truncation is an integrity error', async () => {
    fixture = await startFixture({
      faults: [
        {
          match: { method: 'GET', path: IMAGE_PATH },
          fault: { kind: 'truncate', afterBytes: 500_000 },
        },
      ],
    });
    const attempt = downloadArtifact({ url: fixture.url, dest: fixture.dest, retries: 1, ...fast });
    await expect(attempt).rejects.toBeInstanceOf(IntegrityError);
    await expect(attempt).rejects.toThrow(/500000 of 1052897 bytes|incomplete/);
    await expect(stat(fixture.dest)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await stat(partPathFor(fixture.dest))).size).toBeLessThan(IMAGE_SIZE);
  });

  it('recovers from a single truncated body', async () => {
    fixture = await startFixture({
      faults: [
        {
          match: { method: 'GET', path: IMAGE_PATH },
          fault: { kind: 'truncate', afterBytes: 500_000 },
          times: 1,
        },
      ],
    });
    const result = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast });
    expect(result).toMatchObject({ size: IMAGE_SIZE, retries: 1 });
    expect(await sha256Of(fixture.dest)).toBe(await expectedSha256());
  });
});
