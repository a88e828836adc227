// The release as an OCI artifact: what an ORAS-style client and our own readers rely on, and
// that the same release always gives the same manifest digest (so publishing again moves nothing).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseManifestObject } from '../../../src/core/manifest/index.js';
import {
  installersToMirror,
  RELEASE_ARTIFACT_TYPE,
  RELEASE_LAYER_TYPES,
  releaseArtifactManifest,
} from '../../../src/core/publish/index.js';
import type { ReleaseFile } from '../../../src/core/publish/index.js';
import { validManifestV2 } from '../manifest/fixture-v2.js';

const manifest = parseManifestObject(validManifestV2(), 'fixture.json');
const files: ReleaseFile[] = [
  {
    title: 'releases/1.2.3.json',
    path: '/repo/releases/1.2.3.json',
    mediaType: RELEASE_LAYER_TYPES.manifest,
    sha256: 'a'.repeat(64),
    size: 10,
  },
  {
    title: 'artifacts/metal-amd64.iso',
    path: '/repo/artifacts/metal-amd64.iso',
    mediaType: RELEASE_LAYER_TYPES.image,
    sha256: 'b'.repeat(64),
    size: 20,
  },
];

describe('the release artifact manifest', () => {
  it('is an image-spec 1.1 artifact: our artifactType, the empty config, a titled layer per file', () => {
    const built = releaseArtifactManifest(manifest, files);
    const document = JSON.parse(built.bytes.toString('utf8')) as {
      artifactType: string;
      config: { mediaType: string; size: number; digest: string };
      layers: { digest: string; size: number; annotations: Record<string, string> }[];
      annotations: Record<string, string>;
    };
    expect(document.artifactType).toBe(RELEASE_ARTIFACT_TYPE);
    expect(document.config).toMatchObject({
      mediaType: 'application/vnd.oci.empty.v1+json',
      size: 2,
      digest: `sha256:${createHash('sha256').update('{}').digest('hex')}`,
    });
    expect(document.layers.map((l) => l.annotations['org.opencontainers.image.title'])).toEqual([
      'releases/1.2.3.json',
      'artifacts/metal-amd64.iso',
    ]);
    expect(document.layers[1]).toMatchObject({ digest: `sha256:${'b'.repeat(64)}`, size: 20 });
    expect(document.annotations['org.opencontainers.image.created']).toBe(manifest.generatedAt);
    expect(built.digest).toBe(`sha256:${createHash('sha256').update(built.bytes).digest('hex')}`);
  });

  it('gives the same digest for the same release, whenever it is built', () => {
    const first = releaseArtifactManifest(manifest, files);
    const again = releaseArtifactManifest(
      structuredClone(manifest),
      files.map((f) => ({ ...f })),
    );
    expect(again.digest).toBe(first.digest);
    const other = releaseArtifactManifest(
      { ...manifest, generatedAt: '2030-01-01T00:00:00Z' },
      files,
    );
    expect(other.digest).not.toBe(first.digest);
  });
});

describe('which installers a release mirrors', () => {
  it('maps the factory repository under the prefix and keeps the Talos tag and pinned digest', () => {
    const [installer] = installersToMirror(manifest, 'team/appliance');
    const recorded = manifest.installers?.[0];
    expect(installer).toMatchObject({
      digest: recorded?.digest,
      repository: 'team/appliance/metal-installer',
      tag: manifest.talos.version,
    });
    expect(installer?.sourceRepository).toMatch(/^metal-installer\/[0-9a-f]{64}$/);
  });

  it('refuses an installer without a digest: it could not be mirrored byte-exact', () => {
    const unpinned = structuredClone(manifest);
    const first = unpinned.installers?.[0];
    if (first) delete (first as { digest?: string }).digest;
    expect(() => installersToMirror(unpinned, 'team')).toThrow(/did not pin .* by digest/);
  });
});
