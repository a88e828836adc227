// The push client against a real registry (Debian's docker-registry) with a real client (skopeo)
// reading back what it stored: chunked uploads, byte-exact manifests, mounts, a registry restart
// mid-upload, a 500 on manifest PUT, and Ctrl-C mid-blob.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, IntegrityError, NetworkError } from '../../../src/core/errors.js';
import { createHttp } from '../../../src/core/http/index.js';
import {
  createRegistryClient,
  parseRegistryDestination,
} from '../../../src/core/registry/index.js';
import type { RegistryClient } from '../../../src/core/registry/index.js';
import {
  failManifestPuts,
  faultProxy,
  HAS_DOCKER_REGISTRY,
  NO_REGISTRY_MESSAGE,
  SKOPEO_BIN,
  skopeoArgs,
  startDockerRegistry,
} from '../../e2e/helpers/docker-registry.js';
import type { DockerRegistry } from '../../e2e/helpers/docker-registry.js';
import { artifactManifest, bufferBlob, EMPTY_CONFIG, MiB, randomBlobFile } from './helpers.js';
import type { BlobFile } from './helpers.js';

const run = promisify(execFile);

function clientFor(host: string, overrides: { chunkBytes?: number } = {}): RegistryClient {
  return createRegistryClient({
    http: createHttp(),
    destination: parseRegistryDestination(`${host}/team/talos`, { insecure: true }),
    chunkBytes: overrides.chunkBytes ?? 8 * MiB,
    retries: 6,
    backoffMs: 100,
    timeoutMs: 20_000,
  });
}

describe.skipIf(!HAS_DOCKER_REGISTRY)(
  `registry client, real docker-registry (${NO_REGISTRY_MESSAGE})`,
  () => {
    let registry: DockerRegistry;
    let dir: string;
    let big: BlobFile;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'registry-client-'));
      registry = await startDockerRegistry();
      big = await randomBlobFile(dir, 40 * MiB + 12345);
    }, 60_000);
    afterAll(async () => {
      await registry?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('uploads a 40 MiB blob in chunks, reports progress, and the registry then has it', async () => {
      const client = clientFor(registry.host);
      const progress: number[] = [];
      expect(await client.hasBlob('team/talos/a', big.descriptor)).toBe(false);
      await client.putBlob('team/talos/a', big.descriptor, big.open, (sent) => progress.push(sent));
      expect(await client.hasBlob('team/talos/a', big.descriptor)).toBe(true);
      // Independently of the client: a plain HEAD answers with the size and digest.
      const head = await fetch(
        `http://${registry.host}/v2/team/talos/a/blobs/${big.descriptor.digest}`,
        {
          method: 'HEAD',
        },
      );
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(big.descriptor.size));
      expect(head.headers.get('docker-content-digest')).toBe(big.descriptor.digest);
      // Six chunks of 8 MiB, each opened at its own offset; progress ends at the full size.
      expect(big.opened).toEqual([0, 8, 16, 24, 32, 40].map((n) => n * MiB));
      expect(progress.at(-1)).toBe(big.descriptor.size);
    }, 60_000);

    it.skipIf(!SKOPEO_BIN)(
      'pushes an OCI manifest that skopeo reads back byte for byte (skipped: skopeo is missing)',
      async () => {
        const client = clientFor(registry.host);
        const layer = bufferBlob(Buffer.from('hello, registry\n'));
        for (const blob of [EMPTY_CONFIG, layer]) {
          await client.putBlob('team/talos/release', blob.descriptor, blob.open);
        }
        const manifest = artifactManifest(layer.descriptor);
        expect(await client.manifestDigest('team/talos/release', 'v1.0.0')).toBeUndefined();
        expect(await client.putManifest('team/talos/release', 'v1.0.0', manifest)).toBe(
          manifest.digest,
        );
        const { stdout } = await run(
          SKOPEO_BIN ?? 'skopeo',
          [
            'inspect',
            '--raw',
            ...skopeoArgs(registry),
            `docker://${registry.host}/team/talos/release:v1.0.0`,
          ],
          { encoding: 'buffer' },
        );
        expect(Buffer.compare(stdout, manifest.bytes)).toBe(0);
        expect(await client.manifestDigest('team/talos/release', 'v1.0.0')).toBe(manifest.digest);
        const read = await client.getManifest('team/talos/release', manifest.digest);
        expect(read?.mediaType).toBe(manifest.mediaType);
        expect(read && Buffer.compare(read.bytes, manifest.bytes)).toBe(0);
        expect(await client.getManifest('team/talos/release', 'v9.9.9')).toBeUndefined();
      },
    );

    it('mounts a blob from another repository instead of uploading it, and says false when it cannot', async () => {
      const client = clientFor(registry.host);
      const blob = bufferBlob(Buffer.from('mount me'));
      await client.putBlob('team/talos/source', blob.descriptor, blob.open);
      expect(
        await client.mountBlob?.('team/talos/target', blob.descriptor, 'team/talos/source'),
      ).toBe(true);
      expect(await client.hasBlob('team/talos/target', blob.descriptor)).toBe(true);
      const absent = bufferBlob(Buffer.from('nowhere yet'));
      expect(
        await client.mountBlob?.('team/talos/target', absent.descriptor, 'team/talos/source'),
      ).toBe(false);
    });

    it('resumes from the registry offset when the registry is killed and restarted mid-upload', async () => {
      const file = await randomBlobFile(dir, 40 * MiB, 'restart.bin');
      const client = clientFor(registry.host);
      let faulted = false;
      // The registry dies as the third chunk is about to be sent (two are stored), and comes back
      // half a second later: the client's PATCH is refused, it backs off and asks where to go on.
      const open: typeof file.open = async (offset, signal) => {
        if (!faulted && offset === 16 * MiB) {
          faulted = true;
          await registry.stop();
          setTimeout(() => void registry.start(), 500);
        }
        return file.open(offset, signal);
      };
      await client.putBlob('team/talos/restart', file.descriptor, open);
      expect(faulted).toBe(true);
      expect(await client.hasBlob('team/talos/restart', file.descriptor)).toBe(true);
      // The second attempt began where the registry said it stood, not at 0.
      expect(file.opened.filter((offset) => offset === 0)).toHaveLength(1);
      expect(file.opened.filter((offset) => offset === 16 * MiB).length).toBeGreaterThanOrEqual(2);
      const sent = file.opened.reduce(
        (sum, offset) => sum + Math.min(8 * MiB, file.descriptor.size - offset),
        0,
      );
      expect(sent).toBeLessThan(2 * file.descriptor.size);
    }, 90_000);

    it('cancels mid-blob with CancelledError, and a later upload of the same blob completes', async () => {
      const client = clientFor(registry.host, { chunkBytes: 4 * MiB });
      const controller = new AbortController();
      const failure = await client
        .putBlob(
          'team/talos/cancel',
          big.descriptor,
          big.open,
          (sent) => {
            if (sent > 10 * MiB) controller.abort();
          },
          controller.signal,
        )
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CancelledError);
      expect((failure as CancelledError).exitCode).toBe(130);
      expect(await client.hasBlob('team/talos/cancel', big.descriptor)).toBe(false);
      await client.putBlob('team/talos/cancel', big.descriptor, big.open);
      expect(await client.hasBlob('team/talos/cancel', big.descriptor)).toBe(true);
    }, 60_000);

    it('refuses a blob whose bytes do not hash to its digest (exit 5)', async () => {
      const client = clientFor(registry.host);
      const real = bufferBlob(Buffer.from('the real bytes'));
      const lying = {
        ...real.descriptor,
        digest: bufferBlob(Buffer.from('other bytes!!!')).descriptor.digest,
      };
      const failure = await client
        .putBlob('team/talos/lie', lying, real.open)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(IntegrityError);
      expect((failure as IntegrityError).exitCode).toBe(5);
      expect(await client.hasBlob('team/talos/lie', lying)).toBe(false);
    });

    it('stops with exit 5 when the source is shorter than its descriptor', async () => {
      const client = clientFor(registry.host);
      const blob = bufferBlob(Buffer.from('short source'));
      const longer = { ...blob.descriptor, size: blob.descriptor.size + 10 };
      const failure = await client
        .putBlob('team/talos/short', longer, blob.open)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(IntegrityError);
      expect((failure as IntegrityError).message).toContain('10 bytes short');
    });

    it('reports a registry that answers 500 to manifest PUTs as unavailable (exit 4), and no tag moves', async () => {
      const proxy = await faultProxy(registry, failManifestPuts(500));
      try {
        const client = clientFor(proxy.host);
        const layer = bufferBlob(Buffer.from('layer behind a faulty proxy'));
        for (const blob of [EMPTY_CONFIG, layer]) {
          await client.putBlob('team/talos/faulty', blob.descriptor, blob.open);
        }
        const manifest = artifactManifest(layer.descriptor);
        const failure = await client
          .putManifest('team/talos/faulty', 'stable', manifest)
          .catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(NetworkError);
        expect((failure as NetworkError).exitCode).toBe(4);
        expect(proxy.faults).toBe(7); // the first try and six retries
        expect(
          await clientFor(registry.host).manifestDigest('team/talos/faulty', 'stable'),
        ).toBeUndefined();
      } finally {
        await proxy.close();
      }
    }, 60_000);
  },
);
