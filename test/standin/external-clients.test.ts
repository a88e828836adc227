// Clients nobody here wrote: curl for redirects, ranges and broken bodies, skopeo (from Debian)
// for the registry routes and the bearer challenge. They keep the stand-in honest to the protocol.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageContent } from '../../src/standin/asset-bytes.js';
import { SKOPEO, VANILLA_ID, send, standin } from './helpers.js';
import { redirectTarget } from './registry-client.js';

const run = promisify(execFile);
const CURL = '/usr/bin/curl';
const SIZE = 2 * 1024 * 1024 + 333;
const ISO_PATH = `${VANILLA_ID}/v1.12.0/metal-amd64.iso`;

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Runs curl and reports its exit code instead of throwing on failure. */
async function curl(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(CURL, ['--silent', '--show-error', ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standin-clients-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CURL))('curl as an independent client', () => {
  it('follows the 302 to /cdn and receives exactly the asset bytes', async () => {
    const factory = await standin({
      imageSize: SIZE,
      imageDelivery: 'redirect',
      schematics: ['{}'],
    });
    const file = join(dir, 'talos.iso');
    const result = await curl([
      '-L',
      '-o',
      file,
      '-w',
      '%{http_code} %{num_redirects}',
      `${factory.url}/image/${ISO_PATH}`,
    ]);
    expect(result).toEqual({ code: 0, stdout: '200 1' });
    const expected = await collect(imageContent(VANILLA_ID, 'v1.12.0', 'metal-amd64.iso', SIZE));
    expect((await readFile(file)).equals(expected)).toBe(true);
  });

  it('resumes a partial download with -C - through the redirect', async () => {
    const factory = await standin({
      imageSize: SIZE,
      imageDelivery: 'redirect',
      schematics: ['{}'],
    });
    const expected = await collect(imageContent(VANILLA_ID, 'v1.12.0', 'metal-amd64.iso', SIZE));
    const file = join(dir, 'talos.iso');
    await writeFile(file, expected.subarray(0, 1_000_001));
    const result = await curl([
      '-L',
      '-C',
      '-',
      '-o',
      file,
      '-w',
      '%{http_code}',
      `${factory.url}/image/${ISO_PATH}`,
    ]);
    expect(result).toEqual({ code: 0, stdout: '206' });
    expect((await readFile(file)).equals(expected)).toBe(true);
    const cdnGet = factory.requests.find((r) => r.url.startsWith('/cdn/'));
    expect(cdnGet?.headers['range']).toBe('bytes=1000001-');
  });

  it('gets the whole body from /image even when it asks for a range', async () => {
    const factory = await standin({ imageSize: SIZE, schematics: ['{}'] });
    const result = await curl([
      '-r',
      '10-19',
      '-o',
      join(dir, 'x'),
      '-w',
      '%{http_code} %{size_download}',
      `${factory.url}/image/${ISO_PATH}`,
    ]);
    expect(result).toEqual({ code: 0, stdout: `200 ${SIZE}` });
  });

  it('reads HEAD headers: Content-Length, Content-Disposition, no Accept-Ranges', async () => {
    const factory = await standin({ imageSize: SIZE, schematics: ['{}'] });
    const result = await curl(['-I', `${factory.url}/image/${ISO_PATH}?filename=my.iso`]);
    expect(result.stdout).toMatch(new RegExp(`^content-length: ${SIZE}\\r$`, 'mi'));
    expect(result.stdout).toMatch(/^content-disposition: attachment; filename="my\.iso"\r$/im);
    expect(result.stdout).not.toMatch(/accept-ranges/i);
  });

  it('reports a truncated body (exit 18) and a reset (exit 56)', async () => {
    const factory = await standin({
      imageSize: SIZE,
      schematics: ['{}'],
      faults: [
        {
          match: { path: `/image/${ISO_PATH}` },
          fault: { kind: 'truncate', afterBytes: 5000 },
          times: 1,
        },
        {
          match: { path: `/image/${ISO_PATH}` },
          fault: { kind: 'reset', afterBytes: 5000 },
          times: 1,
        },
      ],
    });
    const truncated = await curl(['-o', join(dir, 'a'), `${factory.url}/image/${ISO_PATH}`]);
    expect(truncated.code).toBe(18);
    const reset = await curl(['-o', join(dir, 'b'), `${factory.url}/image/${ISO_PATH}`]);
    expect(reset.code).toBe(56);
  });
});

describe('skopeo against the registry routes', () => {
  // Debian's skopeo is optional on a developer machine; `apt-get install -y skopeo` enables these.
  it.skipIf(!SKOPEO)(
    'inspects the installer index in proxy mode (skipped: skopeo is not installed)',
    async () => {
      const factory = await standin({ schematics: ['{}'] });
      const host = new URL(factory.url).host;
      const { stdout } = await run(SKOPEO ?? 'skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${host}/metal-installer/${VANILLA_ID}:v1.12.0`,
      ]);
      const served = await send(
        `${factory.url}/v2/metal-installer/${VANILLA_ID}/manifests/v1.12.0`,
      );
      expect(stdout).toBe(served.text);
      expect(factory.requests.some((r) => r.method === 'GET' && r.url === '/v2/')).toBe(true);
    },
  );

  it.skipIf(!SKOPEO)(
    'completes the bearer challenge of the redirect target (skipped: skopeo is not installed)',
    async () => {
      const factory = await standin({ registryMode: 'redirect', schematics: ['{}'] });
      const { host, repository, digest } = await redirectTarget(factory, VANILLA_ID);
      const { stdout } = await run(SKOPEO ?? 'skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${host}/${repository}@${digest}`,
      ]);
      expect(`sha256:${createHash('sha256').update(stdout).digest('hex')}`).toBe(digest);
      expect(
        factory.requests.some((r) => r.server === 'registry' && r.url.startsWith('/token?')),
      ).toBe(true);
    },
  );
});
