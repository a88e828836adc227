// skopeo copies the whole installer (index, both children, every config and layer) and checks
// each digest as it goes: an independent client proving the children and blobs are consistent.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SKOPEO, VANILLA_ID, send, standin } from './helpers.js';
import { redirectTarget } from './registry-client.js';

const run = promisify(execFile);
const sha256hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standin-skopeo-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Copies `source` with every child to a dir: layout and checks what skopeo wrote. */
async function copyAll(source: string, indexDigest: string): Promise<void> {
  const target = join(dir, 'copy');
  await run(SKOPEO ?? 'skopeo', [
    'copy',
    '--all',
    '--preserve-digests',
    '--src-tls-verify=false',
    `docker://${source}`,
    `dir:${target}`,
  ]);
  const files = await readdir(target);
  expect(`sha256:${sha256hex(await readFile(join(target, 'manifest.json')))}`).toBe(indexDigest);
  const children = files.filter((name) => name.endsWith('.manifest.json'));
  const blobs = files.filter((name) => /^[0-9a-f]{64}$/.test(name));
  expect(children).toHaveLength(2);
  // Per child: one config and the default two layers.
  expect(blobs).toHaveLength(6);
  for (const name of [...children, ...blobs]) {
    expect(sha256hex(await readFile(join(target, name)))).toBe(name.slice(0, 64));
  }
}

describe('skopeo copy --all of the installer', () => {
  it.skipIf(!SKOPEO)(
    'copies every child and blob through the frontend in proxy mode (skipped: skopeo is not installed)',
    async () => {
      const factory = await standin({ schematics: ['{}'] });
      const tag = `metal-installer/${VANILLA_ID}:v1.12.0`;
      const head = await send(`${factory.url}/v2/metal-installer/${VANILLA_ID}/manifests/v1.12.0`, {
        method: 'HEAD',
      });
      await copyAll(
        `${new URL(factory.url).host}/${tag}`,
        String(head.headers['docker-content-digest']),
      );
      expect(factory.requests.some((r) => r.url.includes('/blobs/sha256:'))).toBe(true);
    },
  );

  it.skipIf(!SKOPEO)(
    'copies every child and blob from the redirect target, with its bearer token (skipped: skopeo is not installed)',
    async () => {
      const factory = await standin({ registryMode: 'redirect', schematics: ['{}'] });
      const { host, repository, digest } = await redirectTarget(factory, VANILLA_ID);
      // skopeo does not answer a bearer challenge from a host it was redirected to, so it starts there.
      await copyAll(`${host}/${repository}@${digest}`, digest);
      expect(
        factory.requests.some((r) => r.server === 'registry' && r.url.includes('/blobs/sha256:')),
      ).toBe(true);
    },
  );
});
