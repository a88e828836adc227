// The installer index's children exist: every platform manifest, config and layer can be fetched
// by digest through the frontend, in both registry modes, and hashes to that digest. The publish
// work mirrors these byte-exact, so the test checks the bytes, not just the status codes.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RunningStandin } from '../../src/standin/types.js';
import { VANILLA_ID, standin } from './helpers.js';
import { pull } from './registry-client.js';

const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const REPOSITORY = `metal-installer/${VANILLA_ID}`;

const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: { readonly os: string; readonly architecture: string };
}
interface ImageManifest {
  readonly schemaVersion: number;
  readonly mediaType: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
}

/** GET and HEAD agree, and the bytes hash to the digest they were asked for. */
async function fetchByDigest(
  factory: RunningStandin,
  kind: 'manifests' | 'blobs',
  descriptor: Descriptor,
): Promise<Buffer> {
  const path = `${REPOSITORY}/${kind}/${descriptor.digest}`;
  const get = await pull(factory, path);
  expect(get.status).toBe(200);
  expect(sha256(get.body)).toBe(descriptor.digest);
  expect(get.body.length).toBe(descriptor.size);
  expect(get.headers['docker-content-digest']).toBe(descriptor.digest);
  expect(get.headers['content-length']).toBe(String(descriptor.size));
  expect(get.headers['content-type']).toBe(
    kind === 'manifests' ? descriptor.mediaType : 'application/octet-stream',
  );
  const head = await pull(factory, path, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
  for (const name of ['docker-content-digest', 'content-length', 'content-type']) {
    expect(head.headers[name]).toBe(get.headers[name]);
  }
  return get.body;
}

/** The payload length a one-file ustar archive declares for its file. */
function tarFileSize(tar: Buffer): number {
  return Number.parseInt(tar.subarray(124, 135).toString('ascii'), 8);
}

describe.each(['proxy', 'redirect'] as const)('installer children, %s mode', (registryMode) => {
  it('serves every child manifest, config and layer by digest, each hashing to it', async () => {
    const factory = await standin({
      registryMode,
      schematics: ['{}'],
      installerLayerSizes: [3000, 100_000],
    });
    const index = await pull(factory, `${REPOSITORY}/manifests/v1.12.0`);
    expect(index.status).toBe(200);
    const digest = sha256(index.body);
    const { manifests } = JSON.parse(index.text) as { manifests: readonly Descriptor[] };
    expect(manifests.map((m) => m.platform?.architecture)).toEqual(['amd64', 'arm64']);

    const seenLayers = new Set<string>();
    for (const child of manifests) {
      expect(child.mediaType).toBe(DOCKER_MANIFEST);
      const image = JSON.parse(
        (await fetchByDigest(factory, 'manifests', child)).toString('utf8'),
      ) as ImageManifest;
      expect([image.schemaVersion, image.mediaType]).toEqual([2, DOCKER_MANIFEST]);
      expect(image.config.mediaType).toBe('application/vnd.docker.container.image.v1+json');
      const config = JSON.parse(
        (await fetchByDigest(factory, 'blobs', image.config)).toString('utf8'),
      ) as { architecture: string; os: string; rootfs: { diff_ids: string[] } };
      expect([config.os, config.architecture]).toEqual(['linux', child.platform?.architecture]);

      const tars: Buffer[] = [];
      for (const layer of image.layers) {
        expect(layer.mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar.gzip');
        tars.push(gunzipSync(await fetchByDigest(factory, 'blobs', layer)));
        seenLayers.add(layer.digest);
      }
      // The config names each layer by the digest of its uncompressed tar, as Docker does.
      expect(config.rootfs.diff_ids).toEqual(tars.map(sha256));
      expect(tars.map(tarFileSize)).toEqual([3000, 100_000]);
    }
    // Each architecture has its own layers.
    expect(seenLayers.size).toBe(4);

    // Rebuilding the same installer gives the same index.
    const again = await standin({
      registryMode,
      schematics: ['{}'],
      installerLayerSizes: [3000, 100_000],
    });
    expect(sha256((await pull(again, `${REPOSITORY}/manifests/v1.12.0`)).body)).toBe(digest);
  });

  it('knows no blob or manifest that no index refers to', async () => {
    const factory = await standin({ registryMode, schematics: ['{}'] });
    await pull(factory, `${REPOSITORY}/manifests/v1.12.0`);
    const unknown = `sha256:${'e'.repeat(64)}`;
    expect((await pull(factory, `${REPOSITORY}/blobs/${unknown}`)).status).toBe(404);
    expect((await pull(factory, `${REPOSITORY}/manifests/${unknown}`)).status).toBe(404);
  });
});

describe('installer layer sizes', () => {
  it('refuses an installer without layers or with a negative layer size', async () => {
    await expect(standin({ installerLayerSizes: [] })).rejects.toThrow(/at least one layer/);
    await expect(standin({ installerLayerSizes: [-1] })).rejects.toThrow(
      /installer layer size -1 is not a whole number of bytes/,
    );
  });

  it('gives other layer sizes other digests, so a test can tell builds apart', async () => {
    const digestWith = async (sizes: number[]) => {
      const factory = await standin({ schematics: ['{}'], installerLayerSizes: sizes });
      return sha256((await pull(factory, `${REPOSITORY}/manifests/v1.12.0`)).body);
    };
    expect(await digestWith([10])).not.toBe(await digestWith([11]));
  });
});
