// The factory's registry as a source: the index it returns is the one digest resolution pins, and
// blobs stream byte-exact from any offset, in proxy and redirect mode alike.
import { describe, expect, it } from 'vitest';
import { FactoryRefusedError, IntegrityError, NetworkError } from '../../../src/core/errors.js';
import { resolveInstallerDigest } from '../../../src/core/installer/index.js';
import { factoryRegistrySource, manifestLinks, MEDIA_TYPES } from '../../../src/core/oci/index.js';
import type { Descriptor } from '../../../src/core/oci/index.js';
import { testHttp } from '../http/test-http.js';
import { pull } from '../../standin/registry-client.js';
import { factory, readAll, REPOSITORY, sha256, TAG } from './helpers.js';

describe.each(['proxy', 'redirect'] as const)(
  'the factory registry source, %s mode',
  (registryMode) => {
    it('returns the index whose digest digest resolution pins, and its children by digest', async () => {
      const standin = await factory({ registryMode });
      const http = testHttp();
      const source = factoryRegistrySource({
        http,
        registryBase: standin.url,
        repository: REPOSITORY,
      });
      const resolved = await resolveInstallerDigest({
        http,
        registryBase: standin.url,
        repository: REPOSITORY,
        tag: TAG,
      });

      const byTag = await source.manifest(TAG);
      expect(byTag.digest).toBe(resolved.digest);
      expect(byTag.mediaType).toBe(MEDIA_TYPES.ociIndex);
      const byDigest = await source.manifest(resolved.digest);
      expect(byDigest.bytes.equals(byTag.bytes)).toBe(true);

      const { manifests } = manifestLinks(byDigest, source.description);
      expect(manifests).toHaveLength(2);
      const child = await source.manifest(manifests[0]?.digest ?? '');
      expect(child.mediaType).toBe(MEDIA_TYPES.dockerManifest);
      expect(sha256(child.bytes)).toBe(manifests[0]?.digest);
    });

    it('streams a blob byte-exact, and from an offset', async () => {
      const standin = await factory({ registryMode, installerLayerSizes: [256 * 1024] });
      const source = factoryRegistrySource({
        http: testHttp(),
        registryBase: standin.url,
        repository: REPOSITORY,
      });
      const index = await source.manifest(TAG);
      const child = await source.manifest(manifestLinks(index, 'index').manifests[0]?.digest ?? '');
      const layer = manifestLinks(child, 'child').blobs[1] as Descriptor;
      const expected = (await pull(standin, `${REPOSITORY}/blobs/${layer.digest}`)).body;
      expect(sha256(expected)).toBe(layer.digest);

      const whole = await readAll(await source.blob(layer)(0));
      expect(sha256(whole)).toBe(layer.digest);
      const offset = 1000;
      const tail = await readAll(await source.blob(layer)(offset));
      expect(tail.equals(expected.subarray(offset))).toBe(true);
    });
  },
);

describe('the factory registry source, failures', () => {
  it('names a manifest whose bytes are not the digest asked for (exit 5)', async () => {
    const standin = await factory();
    const source = factoryRegistrySource({
      http: testHttp(),
      registryBase: standin.url,
      repository: REPOSITORY,
    });
    const index = await source.manifest(TAG);
    const child = manifestLinks(index, 'index').manifests[0]?.digest ?? '';
    standin.addFault({
      match: { path: `/v2/${REPOSITORY}/manifests/${child}` },
      fault: { kind: 'status', status: 200, body: '{"not":"it"}' },
    });
    const error = await source.manifest(child).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).exitCode).toBe(5);
    expect((error as Error).message).toContain(child);
  });

  it('a refusal is exit 3, and a registry that stays down is exit 4', async () => {
    const standin = await factory();
    const source = factoryRegistrySource({
      http: testHttp(),
      registryBase: standin.url,
      repository: REPOSITORY,
      backoffMs: 1,
    });
    const missing = `sha256:${'0'.repeat(64)}`;
    const refused = await source
      .blob({ mediaType: 'x', digest: missing, size: 1 })(0)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FactoryRefusedError);
    expect((refused as FactoryRefusedError).exitCode).toBe(3);

    standin.addFault({ match: { path: /\/blobs\// }, fault: { kind: 'status', status: 503 } });
    const down = await source
      .blob({ mediaType: 'x', digest: missing, size: 1 })(0)
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(NetworkError);
    expect((down as NetworkError).exitCode).toBe(4);
    const attempts = standin.requests.filter(
      (r) => r.url.includes('/blobs/') && r.server === 'factory',
    );
    expect(attempts).toHaveLength(4); // the refused one, then 1 + 2 retries
  });

  it('gets past one 503 on a blob by retrying', async () => {
    const standin = await factory();
    const source = factoryRegistrySource({
      http: testHttp(),
      registryBase: standin.url,
      repository: REPOSITORY,
      backoffMs: 1,
    });
    const index = await source.manifest(TAG);
    const child = await source.manifest(manifestLinks(index, 'index').manifests[0]?.digest ?? '');
    const config = manifestLinks(child, 'child').blobs[0] as Descriptor;
    standin.addFault({
      match: { path: /\/blobs\// },
      fault: { kind: 'status', status: 503 },
      times: 1,
    });
    expect(sha256(await readAll(await source.blob(config)(0)))).toBe(config.digest);
  });
});
