import { randomBytes } from 'node:crypto';
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { expectedSha256, IMAGE_SIZE, startFixture, sha256Of } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

describe('a file already at the final path', () => {
  it('is replaced when it does not match the previous manifest, and the events say so', async () => {
    fixture = await startFixture();
    const expected = await expectedSha256();
    await mkdir(dirname(fixture.dest), { recursive: true });
    await writeFile(fixture.dest, randomBytes(IMAGE_SIZE));
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      previous: { sha256: expected, size: IMAGE_SIZE, url: fixture.url },
      onEvent: (e) => events.push(e),
      ...fast,
    });
    expect(result.reused).toBe(false);
    expect(await sha256Of(fixture.dest)).toBe(expected);
    expect(events[0]?.type).toBe('verifying-existing');
    expect(events.some((e) => e.type === 'restart' && e.reason.includes('does not match'))).toBe(
      true,
    );
    expect(events.some((e) => e.type === 'reused')).toBe(false);
  });

  it('is never trusted when no manifest recorded it', async () => {
    fixture = await startFixture();
    await mkdir(dirname(fixture.dest), { recursive: true });
    await writeFile(fixture.dest, 'not an ISO');
    const result = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast });
    expect(result.reused).toBe(false);
    expect(await sha256Of(fixture.dest)).toBe(await expectedSha256());
  });
});
