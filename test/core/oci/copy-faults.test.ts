// The copy engine when things go wrong on the way: a reset mid-blob is tried again, a source that
// stays broken is exit 4 with nothing half-written, Ctrl-C is exit 130; and in redirect mode the
// backing registry's token goes to that registry only, fetched once for the whole copy.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, NetworkError } from '../../../src/core/errors.js';
import {
  copyImage,
  factoryRegistrySource,
  manifestLinks,
  ociLayoutDestination,
} from '../../../src/core/oci/index.js';
import type { CopyEvent } from '../../../src/core/oci/index.js';
import type { RunningStandin } from '../../../src/standin/types.js';
import { testHttp } from '../http/test-http.js';
import { factory, REPOSITORY, TAG, tempDir } from './helpers.js';

async function setUp(standin: RunningStandin) {
  const source = factoryRegistrySource({
    http: testHttp(),
    registryBase: standin.url,
    repository: REPOSITORY,
    backoffMs: 1,
  });
  const index = await source.manifest(TAG);
  const dir = await tempDir('layout-');
  return { source, index, dir, destination: ociLayoutDestination(dir) };
}

const BIG = [512 * 1024];

describe('copyImage when the source fails', () => {
  it('tries a blob again after a reset mid-body, and completes', async () => {
    const standin = await factory({ installerLayerSizes: BIG });
    const { source, index, destination } = await setUp(standin);
    const child = await source.manifest(manifestLinks(index, 'index').manifests[0]?.digest ?? '');
    const layer = manifestLinks(child, 'child').blobs[1]?.digest ?? '';
    standin.addFault({
      match: { path: `/v2/${REPOSITORY}/blobs/${layer}` },
      fault: { kind: 'reset', afterBytes: 4096 },
      times: 1,
    });
    const events: CopyEvent[] = [];
    const copied = await copyImage({
      source,
      destination,
      repository: REPOSITORY,
      reference: index.digest,
      retryBackoffMs: 1,
      onEvent: (e) => events.push(e),
    });
    expect(copied.blobs).toHaveLength(4);
    expect(events.filter((e) => e.type === 'blob-done')).toHaveLength(4);
    // Four blobs, one of them sent twice.
    expect(standin.requests.filter((r) => r.url.includes('/blobs/'))).toHaveLength(5);
  });

  it('is exit 4 when the source keeps failing, and leaves no partial blob files', async () => {
    const standin = await factory({ installerLayerSizes: BIG });
    const { source, index, dir, destination } = await setUp(standin);
    standin.addFault({ match: { path: /\/blobs\// }, fault: { kind: 'reset', afterBytes: 4096 } });
    const error = await copyImage({
      source,
      destination,
      repository: REPOSITORY,
      reference: index.digest,
      retryBackoffMs: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).exitCode).toBe(4);
    const names = await readdir(join(dir, 'blobs', 'sha256')).catch(() => [] as string[]);
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('is exit 130 when cancelled mid-blob', async () => {
    const standin = await factory({ installerLayerSizes: BIG });
    const { source, index, destination } = await setUp(standin);
    standin.addFault({
      match: { path: /\/blobs\// },
      fault: { kind: 'stall', afterBytes: 1024 },
    });
    const controller = new AbortController();
    const copying = copyImage({
      source,
      destination,
      repository: REPOSITORY,
      reference: index.digest,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'blob-progress') controller.abort();
      },
    }).catch((e: unknown) => e);
    const error = await copying;
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).exitCode).toBe(130);
  });
});

describe('copyImage in redirect mode', () => {
  it('sends the anonymous token to the backing registry only, fetched once', async () => {
    const standin = await factory({ registryMode: 'redirect' });
    const { source, index, destination } = await setUp(standin);
    await copyImage({ source, destination, repository: REPOSITORY, reference: index.digest });
    const toFactory = standin.requests.filter((r) => r.server === 'factory');
    expect(toFactory.length).toBeGreaterThan(0);
    expect(toFactory.every((r) => r.headers['authorization'] === undefined)).toBe(true);
    const tokens = standin.requests.filter(
      (r) => r.server === 'registry' && r.url.startsWith('/token'),
    );
    expect(tokens).toHaveLength(1);
    const blobsAtRegistry = standin.requests.filter(
      (r) => r.server === 'registry' && r.url.includes('/blobs/') && r.headers['authorization'],
    );
    expect(blobsAtRegistry).toHaveLength(6);
  });
});
