import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFactoryClient } from '../../../src/core/factory/index.js';
import type { PipelineEvent } from '../../../src/core/pipeline/events.js';
import type { ReleaseRequest } from '../../../src/core/pipeline/request.js';
import { runRelease } from '../../../src/core/pipeline/run.js';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin } from '../../../src/standin/types.js';
import { requestFor } from '../../fixtures/release-request.js';
import { testHttp } from '../http/test-http.js';

let standin: RunningStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function repository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tr-reuse-'));
  await mkdir(join(root, 'schematics'));
  await copyFile(
    new URL('../../../schematics/metal-amd64.yaml', import.meta.url),
    join(root, 'schematics/metal-amd64.yaml'),
  );
  return root;
}

function request(root: string, factoryUrl: string): ReleaseRequest {
  return requestFor(root, {
    talosVersion: 'v1.12.11',
    releaseVersion: '0.1.0',
    appVersion: '2.3.0',
    factoryUrl,
  });
}

async function release(root: string, url: string, events: PipelineEvent[]) {
  const http = testHttp();
  const client = createFactoryClient({ http, baseUrl: url, backoffMs: 1 });
  return runRelease(request(root, url), {
    http,
    client,
    report: (event) => events.push(event),
    toolVersion: '0.0.0-test',
  });
}

describe('an ISO downloaded by a run that wrote no manifest', () => {
  it('is re-hashed and reused by the next run instead of being fetched again', async () => {
    standin = await startStandin({ imageSize: 256 * 1024 });
    const root = await repository();
    const first = await release(root, standin.url, []);
    if (first.kind !== 'released') throw new Error('expected a release');
    const record = await readFile(`${first.iso.path}.sha256`, 'utf8');
    expect(record).toMatch(new RegExp(`^${first.iso.sha256}  talos-v1\\.12\\.11-`));

    // What "n" at Confirm leaves behind: the ISO and its record, but no manifest or channel.
    await rm(join(root, 'releases'), { recursive: true });
    const isoGets = () =>
      standin?.requests.filter((r) => r.method === 'GET' && r.url.includes('/image/')).length;
    const before = isoGets();
    const events: PipelineEvent[] = [];
    const second = await release(root, standin.url, events);
    if (second.kind !== 'released') throw new Error('expected a release');
    expect(second.iso.reused).toBe(true);
    expect(second.iso.sha256).toBe(first.iso.sha256);
    expect(isoGets()).toBe(before);
    expect(events).toContainEqual({ type: 'download', event: { type: 'reused' } });
  });
});

describe('the ISO record beside the file', () => {
  it('names the URL and size it was downloaded from, and still passes sha256sum -c as line one', async () => {
    standin = await startStandin({ imageSize: 256 * 1024 });
    const root = await repository();
    const first = await release(root, standin.url, []);
    if (first.kind !== 'released') throw new Error('expected a release');
    const lines = (await readFile(`${first.iso.path}.sha256`, 'utf8')).split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${first.iso.sha256}  talos-v1\\.12\\.11-`));
    expect(lines).toContain(`# size: ${first.iso.size}`);
    expect(lines.some((line) => line.startsWith(`# source: ${standin?.url}/image/`))).toBe(true);
  });

  it('does not let an ISO from one factory be reused for a release from another', async () => {
    standin = await startStandin({ imageSize: 256 * 1024 });
    const other = await startStandin({ imageSize: 256 * 1024 });
    try {
      const root = await repository();
      const first = await release(root, standin.url, []);
      if (first.kind !== 'released') throw new Error('expected a release');
      await rm(join(root, 'releases'), { recursive: true });
      const second = await release(root, other.url, []);
      if (second.kind !== 'released') throw new Error('expected a release');
      expect(second.iso.reused).toBe(false);
      expect(
        other.requests.filter((r) => r.method === 'GET' && r.url.includes('/image/')).length,
      ).toBe(1);
    } finally {
      await other.close();
    }
  });
});
