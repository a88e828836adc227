// The OCI image layout on its own: names that climb out of the directory are refused, index.json
// keeps what a previous bundle recorded, and a layout without an image by that name says so.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { IntegrityError, UserInputError } from '../../../src/core/errors.js';
import {
  isMissingManifest,
  layoutRefName,
  MEDIA_TYPES,
  ociLayoutDestination,
  ociLayoutSource,
  sha256Digest,
} from '../../../src/core/oci/index.js';
import type { ManifestBytes } from '../../../src/core/oci/index.js';
import { readAll, tempDir } from './helpers.js';

function manifestOf(value: object): ManifestBytes {
  const bytes = Buffer.from(JSON.stringify(value));
  return { bytes, digest: sha256Digest(bytes), mediaType: MEDIA_TYPES.ociManifest };
}

const EMPTY = Buffer.from('{}');
const image = (title: string): ManifestBytes =>
  manifestOf({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    artifactType: 'application/vnd.test',
    config: { mediaType: MEDIA_TYPES.ociEmpty, digest: sha256Digest(EMPTY), size: 2 },
    layers: [],
    annotations: { title },
  });

async function writeLayout(dir: string, tags: Record<string, ManifestBytes>, repository = 'r') {
  const destination = ociLayoutDestination(dir);
  const config = { mediaType: MEDIA_TYPES.ociEmpty, digest: sha256Digest(EMPTY), size: 2 };
  await destination.putBlob(repository, config, () => Promise.resolve(Readable.from([EMPTY])));
  for (const [tag, manifest] of Object.entries(tags)) {
    await destination.putManifest(repository, manifest.digest, manifest);
    await destination.putManifest(repository, tag, manifest);
  }
  await destination.finish();
}

describe('the OCI image layout', () => {
  it('writes oci-layout and an index.json whose ref names are <repository>:<tag>', async () => {
    const dir = await tempDir();
    const one = image('one');
    await writeLayout(dir, { v1: one }, 'metal-installer/abc');
    expect(JSON.parse(await readFile(join(dir, 'oci-layout'), 'utf8'))).toEqual({
      imageLayoutVersion: '1.0.0',
    });
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
      manifests: { digest: string; annotations: Record<string, string> }[];
    };
    expect(index.manifests).toEqual([
      {
        mediaType: MEDIA_TYPES.ociManifest,
        digest: one.digest,
        size: one.bytes.length,
        annotations: { 'org.opencontainers.image.ref.name': 'metal-installer/abc:v1' },
      },
    ]);
  });

  it('keeps the entries of a previous bundle and replaces only a re-used ref name', async () => {
    const dir = await tempDir();
    const [one, two, three] = [image('one'), image('two'), image('three')];
    await writeLayout(dir, { v1: one, v2: two });
    await writeLayout(dir, { v2: three });
    const source = ociLayoutSource(dir, { repository: 'r' });
    expect([...(await source.tags())].sort()).toEqual(['v1', 'v2']);
    expect((await source.manifest('v1')).digest).toBe(one.digest);
    expect((await source.manifest('v2')).digest).toBe(three.digest);
    // The old blob is still there, by digest.
    expect((await source.manifest(two.digest)).bytes.equals(two.bytes)).toBe(true);
  });

  it('reads blobs from an offset', async () => {
    const dir = await tempDir();
    await writeLayout(dir, {});
    const config = { mediaType: MEDIA_TYPES.ociEmpty, digest: sha256Digest(EMPTY), size: 2 };
    const source = ociLayoutSource(dir);
    expect((await readAll(await source.blob(config)(1))).toString()).toBe('}');
    expect((await readAll(await source.blob(config)(2))).length).toBe(0);
  });

  it('refuses names and digests that climb out of the directory (exit 2)', async () => {
    const dir = await tempDir();
    await writeLayout(dir, { v1: image('one') });
    const source = ociLayoutSource(dir);
    for (const reference of ['../../etc/passwd', 'sha256:../../../etc/passwd', 'a/../b']) {
      const error = await source.manifest(reference).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as UserInputError).exitCode).toBe(2);
    }
    const climbing = { mediaType: 'x', digest: 'sha256:../../../../etc/passwd', size: 1 };
    await expect(source.blob(climbing)(0)).rejects.toBeInstanceOf(UserInputError);
    expect(() => layoutRefName('..', 'v1')).toThrow(UserInputError);
    const destination = ociLayoutDestination(dir);
    await expect(destination.putManifest('r', '../x', image('x'))).rejects.toBeInstanceOf(
      UserInputError,
    );
  });

  it('an unknown ref name is a missing manifest; a directory that is no layout says so', async () => {
    const dir = await tempDir();
    await writeLayout(dir, { v1: image('one') });
    const missing = await ociLayoutSource(dir, { repository: 'r' })
      .manifest('v9')
      .catch((e: unknown) => e);
    expect(isMissingManifest(missing)).toBe(true);
    expect((missing as Error).message).toContain('r:v9');
    const empty = await tempDir();
    await expect(ociLayoutSource(empty).manifest('v1')).rejects.toThrow(/not an OCI image layout/);
  });

  it('a manifest file that was changed is exit 5 naming its digest', async () => {
    const dir = await tempDir();
    const one = image('one');
    await writeLayout(dir, { v1: one });
    await writeFile(join(dir, 'blobs', 'sha256', one.digest.slice(7)), '{"changed":true}');
    const error = await ociLayoutSource(dir, { repository: 'r' })
      .manifest('v1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toContain(one.digest);
  });

  it('a put blob whose bytes differ is refused and leaves nothing behind', async () => {
    const dir = await tempDir();
    const destination = ociLayoutDestination(dir);
    const claimed = { mediaType: 'x', digest: sha256Digest(Buffer.from('right')), size: 5 };
    await expect(
      destination.putBlob('r', claimed, () =>
        Promise.resolve(Readable.from([Buffer.from('wrong')])),
      ),
    ).rejects.toThrow(new RegExp(`${claimed.digest} from OCI layout .* hashes to`));
    expect(await destination.hasBlob('r', claimed)).toBe(false);
  });
});
