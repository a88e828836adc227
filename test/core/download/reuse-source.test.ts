// A finished ISO on disk is reused only when it is provably what this release would download:
// the same URL, the size the factory announces now (HEAD Content-Length), and the recorded hash
// (issue 10). Anything else is downloaded again, and the events say why.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact } from '../../../src/core/download/index.js';
import type { DownloadEvent, RecordedArtifact } from '../../../src/core/download/index.js';
import { imageContent } from '../../../src/standin/asset-bytes.js';
import {
  ASSET,
  expectedSha256,
  getRequests,
  IMAGE_SIZE,
  startFixture,
  sha256Of,
  VANILLA_ID,
  VERSION,
} from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

/** Writes the asset of `size` bytes, as the stand-in generates it, at `dest`. */
async function plantIso(dest: string, size: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of imageContent(VANILLA_ID, VERSION, ASSET, size))
    chunks.push(chunk as Buffer);
  await mkdir(dirname(dest), { recursive: true });
  await writeFile(dest, Buffer.concat(chunks));
  return expectedSha256(size);
}

async function download(f: Fixture, previous: RecordedArtifact, events: DownloadEvent[] = []) {
  return downloadArtifact({
    url: f.url,
    dest: f.dest,
    previous,
    onEvent: (e) => events.push(e),
    ...fast,
  });
}

describe('an ISO already on disk', () => {
  it('is reused after one HEAD when URL, announced size and hash all match the record', async () => {
    fixture = await startFixture();
    const sha256 = await plantIso(fixture.dest, IMAGE_SIZE);
    const result = await download(fixture, { sha256, size: IMAGE_SIZE, url: fixture.url });
    expect(result).toMatchObject({ reused: true, sha256, size: IMAGE_SIZE });
    expect(getRequests(fixture.standin, '/image/')).toBe(0);
  });

  it('is downloaded again when the factory now announces another size', async () => {
    fixture = await startFixture();
    const smaller = IMAGE_SIZE - 1000;
    const sha256 = await plantIso(fixture.dest, smaller);
    const events: DownloadEvent[] = [];
    const result = await download(fixture, { sha256, size: smaller, url: fixture.url }, events);
    expect(result.reused).toBe(false);
    expect(await sha256Of(fixture.dest)).toBe(await expectedSha256());
    expect(events.some((e) => e.type === 'restart' && /announces/.test(e.reason))).toBe(true);
  });

  it('is downloaded again when it was recorded from another factory', async () => {
    fixture = await startFixture();
    const sha256 = await plantIso(fixture.dest, IMAGE_SIZE);
    const elsewhere = fixture.url.replace(
      /^http:\/\/127\.0\.0\.1:\d+/,
      'https://factory.talos.dev',
    );
    const events: DownloadEvent[] = [];
    const result = await download(fixture, { sha256, size: IMAGE_SIZE, url: elsewhere }, events);
    expect(result.reused).toBe(false);
    expect(getRequests(fixture.standin, '/image/')).toBe(1);
    expect(events.some((e) => e.type === 'restart' && e.reason.includes(elsewhere))).toBe(true);
  });
});
