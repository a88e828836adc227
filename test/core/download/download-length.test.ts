import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact, partPathFor } from '../../../src/core/download/index.js';
import { IntegrityError } from '../../../src/core/errors.js';
import { sizeOf } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * A server whose HEAD promises `announced` bytes but whose GET streams `sent` bytes chunked, with
 * no Content-Length: only the engine's own count can notice. The stand-in never lies this way.
 */
async function lyingServer(announced: number, sent: number): Promise<string> {
  const server = createServer((req, res) => {
    if (req.method === 'HEAD') {
      res.writeHead(200, { 'content-length': String(announced) });
      res.end();
      return;
    }
    res.writeHead(200, { 'transfer-encoding': 'chunked' });
    res.end(Buffer.alloc(sent, 7));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/image.iso`;
}

async function scratchDest(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'talos-length-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'talos.iso');
}

/** A quick download (one retry, short backoff) that resolves with what it threw. */
function downloadOnce(url: string, dest: string): Promise<unknown> {
  return downloadArtifact({ http: testHttp(), url, dest, retries: 1, backoffMs: 1 }).catch(
    (e: unknown) => e,
  );
}

describe('the byte count against the announced size', () => {
  it('rejects a body longer than the HEAD announced and never renames it into place', async () => {
    const url = await lyingServer(50_000, 80_000);
    const dest = await scratchDest();
    const error = await downloadOnce(url, dest);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).message).toContain('more than the 50000 bytes');
    expect(await sizeOf(dest)).toBe(-1);
  });

  it('rejects a body shorter than the HEAD announced and keeps it only as a .part', async () => {
    const url = await lyingServer(80_000, 50_000);
    const dest = await scratchDest();
    const error = await downloadOnce(url, dest);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).message).toContain('50000 of 80000 bytes');
    expect(await sizeOf(dest)).toBe(-1);
    expect(await sizeOf(partPathFor(dest))).toBe(50_000);
  });
});
