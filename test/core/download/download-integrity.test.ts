// Bytes the engine did not write, or an answer it should not have taken, must never end up in the
// released ISO (issue 10): a .part of unknown origin is downloaded again rather than resumed, and a
// web page or a body without a length is never taken for image bytes.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  downloadArtifact,
  partPathFor,
  resumeRecordPathFor,
} from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { NetworkError } from '../../../src/core/errors.js';
import { waitUntil } from './poll.js';
import { expectedSha256, IMAGE_SIZE, startFixture, sha256Of, sizeOf } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { startHostileServer } from './hostile-server.js';
import type { Handler, HostileServer } from './hostile-server.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
let hostile: HostileServer | undefined;
afterEach(async () => {
  await fixture?.close();
  await hostile?.close();
  fixture = undefined;
  hostile = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

/** The CDN honours ranges, so a trusted .part would be resumed: the trust is what is tested. */
async function rangeHonouringFixture(): Promise<Fixture> {
  return startFixture({ imageDelivery: 'redirect' });
}

async function plantPart(dest: string, bytes: Buffer, record?: object): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  await writeFile(partPathFor(dest), bytes);
  if (record) await writeFile(resumeRecordPathFor(dest), JSON.stringify(record));
}

function rangedRequests(f: Fixture): number {
  return f.standin.requests.filter((r) => r.method === 'GET' && r.headers['range']).length;
}

describe('a .part the engine cannot vouch for', () => {
  it('is downloaded again from the start when nothing records where it came from', async () => {
    fixture = await rangeHonouringFixture();
    await plantPart(fixture.dest, Buffer.alloc(300_000, 0x41));
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      ...fast,
    });
    expect(result.sha256).toBe(await expectedSha256());
    expect(await sha256Of(fixture.dest)).toBe(await expectedSha256());
    expect(result.resumed).toBe(false);
    expect(rangedRequests(fixture)).toBe(0);
    expect(events.some((e) => e.type === 'restart' && /cannot vouch/.test(e.reason))).toBe(true);
  });

  it('is downloaded again when its record names another URL', async () => {
    fixture = await rangeHonouringFixture();
    await plantPart(fixture.dest, Buffer.alloc(300_000, 0x41), {
      url: `${fixture.standin.url}/image/${'b'.repeat(64)}/v1.12.0/metal-amd64.iso`,
      bytes: 300_000,
    });
    const result = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast });
    expect(await sha256Of(fixture.dest)).toBe(await expectedSha256());
    expect(result.resumed).toBe(false);
    expect(rangedRequests(fixture)).toBe(0);
  });

  it('is downloaded again when its record counts other bytes than the file holds', async () => {
    fixture = await rangeHonouringFixture();
    await plantPart(fixture.dest, Buffer.alloc(300_000, 0x41), {
      url: fixture.url,
      bytes: 200_000,
    });
    const result = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast });
    expect(await sha256Of(fixture.dest)).toBe(await expectedSha256());
    expect(result.resumed).toBe(false);
  });

  it('is still resumed when this engine wrote it (the record matches), guarded by If-Range', async () => {
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
    const controller = new AbortController();
    const first = downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      signal: controller.signal,
      ...fast,
    });
    first.catch(() => undefined);
    const part = partPathFor(fixture.dest);
    await waitUntil(async () => (await sizeOf(part)) === 400_000, 'the stalled body is on disk');
    controller.abort();
    await first.catch(() => undefined);
    const record = JSON.parse(await readFile(resumeRecordPathFor(fixture.dest), 'utf8')) as {
      url: string;
      bytes: number;
    };
    expect(record).toMatchObject({ url: fixture.url, bytes: 400_000 });

    const second = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast });
    expect(second).toMatchObject({ resumed: true, size: IMAGE_SIZE });
    expect(await sha256Of(fixture.dest)).toBe(await expectedSha256());
    expect(await sizeOf(resumeRecordPathFor(fixture.dest))).toBe(-1);
  });
});

describe('an answer that is not the image', () => {
  const image = randomBytes(256 * 1024);
  const imageSha = createHash('sha256').update(image).digest('hex');

  it('a captive portal page that then drops is never saved, so no resume splices onto it', async () => {
    hostile = await startHostileServer(image, [
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
        response.write('<html><body>Please log in to the hotel Wi-Fi</body></html>');
        setTimeout(() => response.destroy(), 20);
      },
    ]);
    fixture = await startFixture();
    const dest = `${fixture.dir}/portal.iso`;
    const events: DownloadEvent[] = [];
    const result = await downloadArtifact({
      url: hostile.url,
      dest,
      onEvent: (e) => events.push(e),
      ...fast,
    });
    expect(await sha256Of(dest)).toBe(imageSha);
    expect(result.sha256).toBe(imageSha);
    expect(result.resumed).toBe(false);
    expect(events.some((e) => e.type === 'retry' && /text\/html/.test(e.reason))).toBe(true);
    const gets = hostile.requests.filter((r) => r.method === 'GET');
    expect(gets.every((r) => r.headers.range === undefined)).toBe(true);
  });

  it('a body of unknown length (none in the GET or the HEAD) is not taken for the image', async () => {
    // No Content-Length in the HEAD or the GET: node sends the body chunked.
    const chunked: Handler = (request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : image);
    };
    hostile = await startHostileServer(image, Array(6).fill(chunked), { scriptHead: true });
    fixture = await startFixture();
    const dest = `${fixture.dir}/nolength.iso`;
    const error = await downloadArtifact({ url: hostile.url, dest, retries: 2, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/length/);
    expect(await sizeOf(dest)).toBe(-1);
  });
});
