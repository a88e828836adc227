import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadArtifact } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'talos-reuse-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a file already at the final path', () => {
  it('is re-hashed and reused without any request when it matches the previous manifest', async () => {
    const bytes = randomBytes(200_000);
    const dest = join(dir, 'talos.iso');
    await writeFile(dest, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const events: DownloadEvent[] = [];

    // Port 9 on loopback has nothing listening: any request would fail the download.
    const result = await downloadArtifact({
      url: 'http://127.0.0.1:9/image/x/v1.12.0/metal-amd64.iso',
      dest,
      previous: { sha256, size: bytes.length },
      onEvent: (event) => events.push(event),
      retries: 0,
    });

    expect(result).toMatchObject({ reused: true, sha256, size: bytes.length, path: dest });
    expect(events.map((event) => event.type)).toEqual(['verifying-existing', 'reused']);
  });
});
