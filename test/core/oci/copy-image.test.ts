// The one copy engine, end to end: factory → OCI layout → a second layout, byte-exact, idempotent,
// readable by the real skopeo; and its skip/mount/upload choices against a destination that
// records what it was asked.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/core/errors.js';
import {
  copyImage,
  cosignSignatureTag,
  factoryRegistrySource,
  layoutBlobPath,
  ociLayoutDestination,
  ociLayoutSource,
} from '../../../src/core/oci/index.js';
import type {
  CopyEvent,
  Descriptor,
  ManifestBytes,
  OciDestination,
  OpenBlob,
} from '../../../src/core/oci/index.js';
import { testHttp } from '../http/test-http.js';
import { factory, readAll, REPOSITORY, sha256, TAG, tempDir } from './helpers.js';

const run = promisify(execFile);
const SKOPEO = '/usr/bin/skopeo';

/** The stand-in's installer copied into a fresh layout, tagged and finished, as bundle does. */
async function bundleFromFactory(registryMode: 'proxy' | 'redirect' = 'proxy') {
  const standin = await factory({ registryMode, installerLayerSizes: [64 * 1024, 512] });
  const source = factoryRegistrySource({
    http: testHttp(),
    registryBase: standin.url,
    repository: REPOSITORY,
  });
  const index = await source.manifest(TAG);
  const dir = await tempDir('layout-');
  const destination = ociLayoutDestination(dir);
  const events: CopyEvent[] = [];
  const copied = await copyImage({
    source,
    destination,
    repository: REPOSITORY,
    reference: index.digest,
    onEvent: (event) => events.push(event),
  });
  // Tags last, as the orchestrator moves them.
  await destination.putManifest(REPOSITORY, TAG, index);
  await destination.finish();
  return { standin, source, index, dir, copied, events };
}

function howEach(events: readonly CopyEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'blob-done' ? [e.how] : []));
}

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const names = await readdir(join(dir, 'blobs', 'sha256'));
  const files = new Map<string, Buffer>();
  for (const name of names) files.set(name, await readFile(join(dir, 'blobs', 'sha256', name)));
  return files;
}

describe.each(['proxy', 'redirect'] as const)('copyImage from the factory, %s mode', (mode) => {
  it('writes every manifest and blob byte-exact into a layout, children before the index', async () => {
    const { source, index, dir, copied, events } = await bundleFromFactory(mode);
    expect(copied.digest).toBe(index.digest);
    expect(copied.manifests.map((m) => m.digest).at(-1)).toBe(index.digest);
    expect(copied.manifests).toHaveLength(3);
    expect(copied.blobs).toHaveLength(6); // 2 × (config + 2 layers)
    expect(howEach(events)).toEqual(Array(6).fill('uploaded'));
    for (const manifest of copied.manifests) {
      const stored = await readFile(layoutBlobPath(dir, manifest.digest));
      expect(stored.equals(manifest.bytes)).toBe(true);
    }
    for (const blob of copied.blobs) {
      const stored = await readFile(layoutBlobPath(dir, blob.digest));
      expect(sha256(stored)).toBe(blob.digest);
      expect(stored.equals(await readAll(await source.blob(blob)(0)))).toBe(true);
    }
    const pushed = events.flatMap((e) => (e.type === 'manifest-done' ? [e.digest] : []));
    expect(pushed.at(-1)).toBe(index.digest);
  });
});

describe('copyImage between layouts', () => {
  it('copies layout → layout byte-identical, and a second copy skips every blob', async () => {
    const { dir, index, copied } = await bundleFromFactory();
    const second = await tempDir('layout2-');
    const source = ociLayoutSource(dir, { repository: REPOSITORY });
    expect(await source.tags()).toEqual([TAG]);
    const byTag = await source.manifest(TAG);
    expect(byTag.digest).toBe(index.digest);

    const destination = ociLayoutDestination(second);
    const first: CopyEvent[] = [];
    await copyImage({
      source,
      destination,
      repository: REPOSITORY,
      reference: byTag.digest,
      onEvent: (e) => first.push(e),
    });
    await destination.putManifest(REPOSITORY, TAG, byTag);
    await destination.finish();
    expect(howEach(first)).toEqual(Array(copied.blobs.length).fill('uploaded'));
    expect(await filesUnder(second)).toEqual(await filesUnder(dir));

    const again: CopyEvent[] = [];
    await copyImage({
      source,
      destination: ociLayoutDestination(second),
      repository: REPOSITORY,
      reference: byTag.digest,
      onEvent: (e) => again.push(e),
    });
    expect(howEach(again)).toEqual(Array(copied.blobs.length).fill('skipped'));
  });

  it('stops at a corrupted blob with exit 5, naming its digest, and leaves no file for it', async () => {
    const { dir, copied } = await bundleFromFactory();
    const victim = copied.blobs[1] as Descriptor;
    const path = layoutBlobPath(dir, victim.digest);
    const bytes = await readFile(path);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await writeFile(path, bytes);

    const second = await tempDir('layout2-');
    const error = await copyImage({
      source: ociLayoutSource(dir, { repository: REPOSITORY }),
      destination: ociLayoutDestination(second),
      repository: REPOSITORY,
      reference: copied.digest,
      concurrency: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).exitCode).toBe(5);
    expect((error as Error).message).toContain(victim.digest);
    expect(existsSync(layoutBlobPath(second, victim.digest))).toBe(false);
    const leftovers = await readdir(join(second, 'blobs', 'sha256'));
    expect(leftovers.filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a missing or short blob is exit 5 naming it', async () => {
    const { dir, copied } = await bundleFromFactory();
    const [first, second] = copied.blobs as [Descriptor, Descriptor];
    const { rm, truncate } = await import('node:fs/promises');
    await rm(layoutBlobPath(dir, first.digest));
    await truncate(layoutBlobPath(dir, second.digest), 10);
    const source = ociLayoutSource(dir);
    await expect(source.blob(first)(0)).rejects.toThrow(
      new RegExp(`blob ${first.digest} is missing`),
    );
    const short = await source
      .blob(second)(0)
      .catch((e: unknown) => e);
    expect(short).toBeInstanceOf(IntegrityError);
    expect((short as Error).message).toContain(second.digest);
  });

  it('also copies a plain manifest: the cosign signature image', async () => {
    const standin = await factory();
    const source = factoryRegistrySource({
      http: testHttp(),
      registryBase: standin.url,
      repository: REPOSITORY,
    });
    const index = await source.manifest(TAG);
    const signature = await source.manifest(cosignSignatureTag(index.digest));
    const dir = await tempDir();
    const destination = ociLayoutDestination(dir);
    const copied = await copyImage({
      source,
      destination,
      repository: REPOSITORY,
      reference: signature.digest,
    });
    expect(copied.manifests.map((m) => m.digest)).toEqual([signature.digest]);
    expect(copied.blobs).toHaveLength(2);
    await destination.putManifest(REPOSITORY, cosignSignatureTag(index.digest), signature);
    await destination.finish();
    const back = await ociLayoutSource(dir, { repository: REPOSITORY }).manifest(
      cosignSignatureTag(index.digest),
    );
    expect(back.bytes.equals(signature.bytes)).toBe(true);
  });
});

describe.skipIf(!existsSync(SKOPEO))('the layout as the real skopeo reads it', () => {
  it('skopeo inspect --raw oci:<dir>:<repository>:<tag> prints the exact index bytes', async () => {
    const { dir, index } = await bundleFromFactory();
    const { stdout } = await run(SKOPEO, ['inspect', '--raw', `oci:${dir}:${REPOSITORY}:${TAG}`], {
      encoding: 'buffer',
    });
    expect(sha256(stdout)).toBe(index.digest);
    expect(stdout.equals(index.bytes)).toBe(true);
  });
});

/** A destination that records every call, to see the engine's choices. */
function recordingDestination(options: {
  has?: ReadonlySet<string>;
  mountable?: ReadonlyMap<string, string>;
}) {
  const calls: string[] = [];
  const uploads = new Map<string, Buffer>();
  const manifests = new Map<string, ManifestBytes>();
  const destination: OciDestination = {
    description: 'recorder',
    hasBlob: (_r, d) => {
      calls.push(`has ${d.digest}`);
      return Promise.resolve(options.has?.has(d.digest) ?? false);
    },
    mountBlob: (_r, d, from) => {
      calls.push(`mount ${d.digest} from ${from}`);
      return Promise.resolve(options.mountable?.get(d.digest) === from);
    },
    putBlob: async (_r, d, open: OpenBlob) => {
      calls.push(`put ${d.digest}`);
      uploads.set(d.digest, await readAll(await open(0)));
    },
    manifestDigest: (_r, reference) => Promise.resolve(manifests.get(reference)?.digest),
    putManifest: (_r, reference, manifest) => {
      calls.push(`manifest ${reference}`);
      manifests.set(reference, manifest);
      return Promise.resolve(manifest.digest);
    },
  };
  return { destination, calls, uploads };
}

describe('the copy engine’s choices', () => {
  it('skips what is there, mounts what another repository holds, uploads the rest', async () => {
    const { dir, copied } = await bundleFromFactory();
    const [a, b, ...rest] = copied.blobs as Descriptor[];
    if (!a || !b) throw new Error('the installer has blobs');
    const { destination, calls, uploads } = recordingDestination({
      has: new Set([a.digest]),
      mountable: new Map([[b.digest, 'team/other-installer']]),
    });
    const events: CopyEvent[] = [];
    await copyImage({
      source: ociLayoutSource(dir),
      destination,
      repository: 'team/installer',
      reference: copied.digest,
      mountFrom: ['team/installer', 'team/nothing-here', 'team/other-installer'],
      onEvent: (e) => events.push(e),
    });
    const done = new Map(
      events.flatMap((e) => (e.type === 'blob-done' ? [[e.digest, e.how] as const] : [])),
    );
    expect(done.get(a.digest)).toBe('skipped');
    expect(done.get(b.digest)).toBe('mounted');
    for (const blob of rest) {
      expect(done.get(blob.digest)).toBe('uploaded');
      expect(sha256(uploads.get(blob.digest) ?? Buffer.alloc(0))).toBe(blob.digest);
    }
    expect(calls).not.toContain(`mount ${b.digest} from team/installer`);
    expect(calls).not.toContain(`put ${a.digest}`);
    expect(calls).not.toContain(`put ${b.digest}`);
    // Manifests by digest only, children before the index, never a tag; after every blob.
    const manifestCalls = calls.filter((c) => c.startsWith('manifest '));
    expect(manifestCalls).toEqual(copied.manifests.map((m) => `manifest ${m.digest}`));
    const lastBlob = Math.max(...calls.map((c, i) => (/^(put|mount|has) /.test(c) ? i : -1)));
    expect(lastBlob).toBeLessThan(calls.indexOf(manifestCalls[0] ?? ''));
  });

  it('keeps at most `concurrency` blobs in flight', async () => {
    const { dir, copied } = await bundleFromFactory();
    let inFlight = 0;
    let most = 0;
    const { destination } = recordingDestination({});
    const slow: OciDestination = {
      ...destination,
      putBlob: async (r, d, open, p, s) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await destination.putBlob(r, d, open, p, s);
        inFlight -= 1;
      },
    };
    await copyImage({
      source: ociLayoutSource(dir),
      destination: slow,
      repository: 'r',
      reference: copied.digest,
      concurrency: 2,
    });
    expect(most).toBe(2);
  });
});
