import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  downloadArtifact,
  formatBytes,
  nodeFileSystem,
  partPathFor,
} from '../../../src/core/download/index.js';
import type { DownloadEvent, DownloadFileSystem } from '../../../src/core/download/index.js';
import {
  CancelledError,
  DiskError,
  ExitCode,
  FactoryRefusedError,
  UserInputError,
} from '../../../src/core/errors.js';
import { waitUntil } from './poll.js';
import {
  expectedSha256,
  getRequests,
  IMAGE_PATH,
  IMAGE_SIZE,
  startFixture,
  VERSION,
} from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';

let fixture: Fixture | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    () => -1,
  );
}

const fast = { backoffMs: 1, idleTimeoutMs: 2_000 };

describe('the factory refuses', () => {
  it('an unknown schematic with 404 and its own message, without retrying', async () => {
    fixture = await startFixture();
    const url = `${fixture.standin.url}/image/${'f'.repeat(64)}/${VERSION}/metal-amd64.iso`;
    const attempt = downloadArtifact({ url, dest: fixture.dest, ...fast });
    await expect(attempt).rejects.toBeInstanceOf(FactoryRefusedError);
    const error = (await attempt.catch((e: unknown) => e)) as FactoryRefusedError;
    expect(error.status).toBe(404);
    expect(error.factoryMessage).toContain('not found');
    expect(error.hint).toMatch(/schematic/);
    expect(error.exitCode).toBe(ExitCode.factoryRefused);
    expect(getRequests(fixture.standin, '/image/')).toBe(1);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });

  it('an extension missing for that version with 400 and names the extension', async () => {
    fixture = await startFixture();
    const posted = await fetch(`${fixture.standin.url}/schematics`, {
      method: 'POST',
      body: 'customization:\n  systemExtensions:\n    officialExtensions:\n      - siderolabs/no-such-extension\n',
    });
    const { id } = (await posted.json()) as { id: string };
    const url = `${fixture.standin.url}/image/${id}/${VERSION}/metal-amd64.iso`;
    const error = (await downloadArtifact({ url, dest: fixture.dest, ...fast }).catch(
      (e: unknown) => e,
    )) as FactoryRefusedError;
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect(error.status).toBe(400);
    expect(error.message).toContain('siderolabs/no-such-extension');
    expect(error.hint).toMatch(/version/);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });
});

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

    const hosts = new Set<string>();
    const result = await downloadArtifact({
      url: hopUrl,
      dest: fixture.dest,
      onEvent: (e) => e.type === 'progress' && hosts.add(e.host),
      ...fast,
    });

    expect(result.sha256).toBe(await expectedSha256());
    expect(result.servedBy).toBe(new URL(fixture.standin.url).host);
    expect([...hosts]).toEqual([result.servedBy]);
    expect(
      fixture.standin.requests.some((r) => r.method === 'GET' && r.url.startsWith('/cdn/')),
    ).toBe(true);
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
      previous: { sha256: expected, size: IMAGE_SIZE },
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
  });
});

describe('disk errors', () => {
  it('report ENOSPC from the file layer with the space needed, without retrying', async () => {
    fixture = await startFixture();
    const fullDisk: DownloadFileSystem = {
      ...nodeFileSystem,
      async openForWrite(path, mode) {
        const real = await nodeFileSystem.openForWrite(path, mode);
        let written = 0;
        const stream = new Writable({
          write(chunk: Buffer, _encoding, callback) {
            written += chunk.length;
            if (written > 100_000) {
              callback(
                Object.assign(new Error('ENOSPC: no space left on device, write'), {
                  code: 'ENOSPC',
                }),
              );
              return;
            }
            real.stream.write(chunk, callback);
          },
          final: (callback) => real.stream.end(callback),
        });
        return { stream, sync: () => real.sync(), close: () => real.close() };
      },
    };
    const error = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      fileSystem: fullDisk,
      ...fast,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiskError);
    expect((error as DiskError).message).toContain(formatBytes(IMAGE_SIZE));
    expect((error as DiskError).exitCode).toBe(ExitCode.disk);
    expect(getRequests(fixture.standin, '/image/')).toBe(1);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });
});

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
