import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { UserInputError } from '../../../src/core/errors.js';
import { expectedSha256, IMAGE_PATH, IMAGE_SIZE, startFixture, sizeOf } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

describe('redirects', () => {
  it('are followed through a chain to the CDN, which is reported as the serving host', async () => {
    fixture = await startFixture({ imageDelivery: 'redirect' });
    const target = fixture.url;
    const hop = createServer((_req, res) => {
      res.writeHead(301, { location: target });
      res.end();
    });
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => hop.close(() => resolve())));
    const hopUrl = `http://127.0.0.1:${(hop.address() as AddressInfo).port}${IMAGE_PATH}`;

    const progress: Extract<DownloadEvent, { type: 'progress' }>[] = [];
    const result = await downloadArtifact({
      url: hopUrl,
      dest: fixture.dest,
      onEvent: (e) => e.type === 'progress' && progress.push(e),
      ...fast,
    });

    expect(result.sha256).toBe(await expectedSha256());
    expect(result.servedBy).toBe(new URL(fixture.standin.url).host);
    expect(new Set(progress.map((e) => e.host))).toEqual(new Set([result.servedBy]));
    // The last progress event is the finished state: every byte, and the hash the manifest records.
    expect(progress.at(-1)).toMatchObject({
      bytes: IMAGE_SIZE,
      total: IMAGE_SIZE,
      sha256SoFar: result.sha256,
    });
    expect(
      fixture.standin.requests.some((r) => r.method === 'GET' && r.url.startsWith('/cdn/')),
    ).toBe(true);
  });

  it('follow the same policy as the starting URL, which is refused up front when plain http goes elsewhere', async () => {
    fixture = await startFixture();
    const attempt = downloadArtifact({
      http: testHttp(),
      url: 'http://factory.example.test/image.iso',
      dest: fixture.dest,
    });
    await expect(attempt).rejects.toBeInstanceOf(UserInputError);
    await expect(attempt).rejects.toThrow(/https/);
    expect(fixture.standin.requests.length).toBe(0);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });

  it('to plain http on another host are refused', async () => {
    fixture = await startFixture();
    const hop = createServer((_req, res) => {
      res.writeHead(302, { location: 'http://downloads.example.test/talos.iso' });
      res.end();
    });
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => hop.close(() => resolve())));
    const hopUrl = `http://127.0.0.1:${(hop.address() as AddressInfo).port}/image.iso`;
    await expect(
      downloadArtifact({ url: hopUrl, dest: fixture.dest, ...fast }),
    ).rejects.toBeInstanceOf(UserInputError);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });
});
