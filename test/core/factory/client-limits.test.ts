// What a factory sends is bounded (issue 10): a body that never ends, a server that never answers
// and one that drips a byte now and then all end in a NetworkError (exit 4) in bounded time, and
// the operator hears what the run is waiting for meanwhile.
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, NetworkError } from '../../../src/core/errors.js';
import { createFactoryClient } from '../../../src/core/factory/index.js';
import type { WaitingEvent } from '../../../src/core/http/index.js';
import { testHttp } from '../http/test-http.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function server(answer: (response: ServerResponse) => void): Promise<string> {
  const timers = new Set<NodeJS.Timeout>();
  const http = createServer((_request, response) => answer(response));
  http.on('close', () => timers.forEach(clearInterval));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** Writes `chunk` every `everyMs` until the client goes away. */
function endless(response: ServerResponse, chunk: Buffer, everyMs: number): void {
  const timer = setInterval(() => {
    if (response.destroyed) clearInterval(timer);
    else response.write(chunk);
  }, everyMs);
  response.on('close', () => clearInterval(timer));
}

const quick = { retries: 2, backoffMs: 1 };

describe('factory answers without limits', () => {
  it('a /versions body that never ends is cut off at the cap: exit 4 naming what and where', async () => {
    const base = await server((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('["v1.12.0"');
      endless(response, Buffer.alloc(256 * 1024, 0x20), 1);
    });
    const client = createFactoryClient({ http: testHttp(), baseUrl: base, ...quick });
    const error = await client.listVersions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).exitCode).toBe(ExitCode.unavailable);
    expect((error as NetworkError).message).toMatch(/larger than 4(\.0)? MiB/);
    expect((error as NetworkError).message).toContain(`${base}/versions`);
  });

  it('a server that never answers ends the call at its overall deadline, retries included', async () => {
    const base = await server(() => undefined);
    const client = createFactoryClient({
      http: testHttp(),
      baseUrl: base,
      ...quick,
      deadlineMs: 600,
    });
    const started = Date.now();
    const error = await client.listVersions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).exitCode).toBe(ExitCode.unavailable);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((error as NetworkError).message).toContain('GET /versions');
  });

  it('a server that drips one byte at a time cannot hold the call past its deadline', async () => {
    const base = await server((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      endless(response, Buffer.from(' '), 50);
    });
    const client = createFactoryClient({
      http: testHttp(),
      baseUrl: base,
      ...quick,
      deadlineMs: 600,
    });
    const started = Date.now();
    const error = await client.listVersions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says what it is waiting for while it waits', async () => {
    const base = await server(() => undefined);
    const notices: WaitingEvent[] = [];
    const client = createFactoryClient({
      http: testHttp(),
      baseUrl: base,
      ...quick,
      deadlineMs: 500,
      waitingNoticeMs: 100,
      onWaiting: (event) => notices.push(event),
    });
    await client.listVersions().catch(() => undefined);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0]?.what).toBe('GET /versions');
    expect(notices[0]?.elapsedMs).toBeGreaterThanOrEqual(100);
  });
});
