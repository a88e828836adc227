import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { expectedSha256, IMAGE_SIZE, startFixture } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

describe('a cold factory', () => {
  it('is reported as building while the HEAD pre-warm waits, then the size is known', async () => {
    fixture = await startFixture({ buildDelayMs: 2_500 });
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      ...fast,
    });
    const building = events.filter((e) => e.type === 'building');
    expect(building.length).toBeGreaterThan(0);
    expect(building.every((e) => e.type === 'building' && e.elapsedMs > 0)).toBe(true);
    expect(events).toContainEqual({ type: 'size', total: IMAGE_SIZE });
    expect(events.findIndex((e) => e.type === 'size')).toBeGreaterThan(
      events.findIndex((e) => e.type === 'building'),
    );
    expect(result.sha256).toBe(await expectedSha256());
  });
});
