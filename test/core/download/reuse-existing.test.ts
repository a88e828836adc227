import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadArtifact } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { testHttp } from '../http/test-http.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'talos-reuse-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a file already at the final path', () => {
  it('is re-hashed and reused without a GET when it matches the previous manifest', async () => {
    const bytes = randomBytes(200_000);
    // The factory only confirms the size (HEAD); any GET would fail the test.
    const methods: string[] = [];
    const server = createServer((request, response) => {
      methods.push(request.method ?? '');
      if (request.method !== 'HEAD') response.writeHead(500).end();
      else response.writeHead(200, { 'content-length': String(bytes.length) }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/image/x/v1.12.0/metal-amd64.iso`;
    const dest = join(dir, 'talos.iso');
    await writeFile(dest, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const events: DownloadEvent[] = [];

    const result = await downloadArtifact({
      http: testHttp(),
      url,
      dest,
      previous: { sha256, size: bytes.length, url },
      onEvent: (event) => events.push(event),
      retries: 0,
    }).finally(() => new Promise((resolve) => server.close(resolve)));

    expect(result).toMatchObject({ reused: true, sha256, size: bytes.length, path: dest });
    expect(events.map((event) => event.type)).toEqual(['verifying-existing', 'reused']);
    expect(methods).toEqual(['HEAD']);
  });
});
