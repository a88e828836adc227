// The version 2 rules: each one is broken on its own in an otherwise consistent manifest.
import { describe, expect, it } from 'vitest';
import { parseManifestObject } from '../../../src/core/manifest/index.js';
import { validManifest } from './fixture.js';
import { validManifestV2 } from './fixture-v2.js';
import { userInputErrorOf } from './user-input-error.js';

const rejection = (value: unknown) =>
  userInputErrorOf(() => parseManifestObject(value, 'releases/1.4.2.json')).message;

describe('manifest version 2', () => {
  it('accepts a consistent version 2 manifest and keeps both lists', () => {
    const manifest = validManifestV2();
    const parsed = parseManifestObject(manifest, 'releases/1.4.2.json');
    expect(parsed.artifacts).toEqual(manifest.artifacts);
    expect(parsed.installers).toEqual(manifest.installers);
  });

  it('requires both lists with manifestVersion 2', () => {
    const { artifacts: _a, ...noArtifacts } = validManifestV2();
    expect(rejection(noArtifacts)).toContain('artifacts: is required in a manifestVersion 2');
    const { installers: _i, ...noInstallers } = validManifestV2();
    expect(rejection(noInstallers)).toContain('installers: is required in a manifestVersion 2');
  });

  it('refuses either list in a version 1 manifest', () => {
    const { artifacts, installers } = validManifestV2();
    expect(rejection({ ...validManifest(), artifacts })).toContain(
      'artifacts: is only allowed with manifestVersion 2',
    );
    expect(rejection({ ...validManifest(), installers })).toContain(
      'installers: is only allowed with manifestVersion 2',
    );
  });

  it('refuses an installer entry whose platform is not the one its image is for', () => {
    const manifest = validManifestV2();
    manifest.installers[0]!['platform'] = 'nocloud';
    expect(rejection(manifest)).toContain(
      'installers[0].image: is for metal, but the entry says nocloud',
    );
  });

  it('lets a version 2 release pin an installer for another platform than its ISO', () => {
    const manifest = validManifestV2();
    const iso = manifest.artifacts[0]!;
    const nocloudUrl = String(iso['url']).replace('/metal-amd64.iso', '/nocloud-amd64.iso');
    Object.assign(iso, { name: 'nocloud-amd64.iso', platform: 'nocloud', url: nocloudUrl });
    Object.assign(manifest.os, { platform: 'nocloud' });
    Object.assign(manifest.os['iso'] as Record<string, unknown>, { url: nocloudUrl });
    expect(() => parseManifestObject(manifest, 'releases/1.4.2.json')).not.toThrow();
    // The same pairing in version 1 has no list saying so: the installer must be the ISO's.
    const { manifestVersion: _v, artifacts: _a, installers: _i, ...v1 } = manifest;
    expect(rejection(v1)).toContain('is for platform metal, but os.platform is nocloud');
  });

  it('refuses an artifact URL for another Talos version', () => {
    const manifest = validManifestV2();
    const disk = manifest.artifacts[1]!;
    disk['url'] = String(disk['url']).replace('/v1.12.4/', '/v1.12.3/');
    expect(rejection(manifest)).toContain('artifacts[1].url: does not name talos.version v1.12.4');
  });

  it("refuses an artifact URL for another schematic than the artifact's", () => {
    const manifest = validManifestV2();
    manifest.artifacts[1]!['schematicId'] = 'e'.repeat(64);
    expect(rejection(manifest)).toContain(
      `artifacts[1].url: does not name the artifact's schematicId ${'e'.repeat(64)}`,
    );
  });

  it('refuses an artifact whose name is not the last segment of its URL', () => {
    const manifest = validManifestV2();
    manifest.artifacts[1]!['name'] = 'metal-amd64.raw.xz';
    expect(rejection(manifest)).toContain(
      'artifacts[1].url: ends in nocloud-amd64.raw.xz, but the name is metal-amd64.raw.xz',
    );
  });

  it('refuses the same artifact name twice', () => {
    const manifest = validManifestV2();
    manifest.artifacts.push({ ...manifest.artifacts[1]! });
    expect(rejection(manifest)).toContain(
      'artifacts[2].name: nocloud-amd64.raw.xz is listed more than once',
    );
  });

  it.each(['url', 'localPath', 'sha256', 'size'] as const)(
    'refuses an os.iso.%s that differs from the first ISO artifact',
    (field) => {
      const manifest = validManifestV2();
      const other = {
        url: manifest.artifacts[1]!['url'],
        localPath: 'a/b.iso',
        sha256: '0'.repeat(64),
        size: 1,
      };
      manifest.artifacts[0]![field] = other[field];
      expect(rejection(manifest)).toContain(
        `os.iso.${field}: is ${JSON.stringify(manifest.os.iso[field])}, but the first ISO artifact (artifacts[0]) says ${JSON.stringify(other[field])}`,
      );
    },
  );

  it('compares os.iso with the first ISO even when a disk image comes first', () => {
    const manifest = validManifestV2();
    manifest.artifacts.reverse();
    expect(parseManifestObject(manifest, 'releases/1.4.2.json').os.iso).toEqual(
      validManifestV2().os.iso,
    );
  });

  it('refuses artifacts without an ISO', () => {
    const manifest = validManifestV2();
    manifest.artifacts.shift();
    expect(rejection(manifest)).toContain('artifacts: has no ISO');
  });

  it.each(['image', 'digest'] as const)(
    'refuses an os.installer.%s that differs from installers[0]',
    (field) => {
      const manifest = validManifestV2();
      const other = {
        image: `${String(manifest.installers[0]!['image'])}@sha256:${'3'.repeat(64)}`,
        digest: `sha256:${'3'.repeat(64)}`,
      };
      manifest.installers[0]![field] = other[field];
      expect(rejection(manifest)).toContain(`os.installer.${field}: is `);
      expect(rejection(manifest)).toContain(
        `but installers[0] says ${JSON.stringify(other[field])}`,
      );
    },
  );

  it('refuses an installer image for another Talos version', () => {
    const manifest = validManifestV2();
    const second = { ...manifest.installers[0]! };
    second['image'] = String(second['image']).replace(':v1.12.4', ':v1.12.3');
    manifest.installers.push(second as (typeof manifest.installers)[number]);
    expect(rejection(manifest)).toContain(
      'installers[1].image: does not name talos.version v1.12.4',
    );
  });

  it('refuses an architecture listed twice for one installer', () => {
    const manifest = validManifestV2();
    const architectures = manifest.installers[0]!.architectures;
    architectures.push({ ...architectures[0]! });
    expect(rejection(manifest)).toContain(
      'installers[0].architectures: lists amd64 more than once',
    );
  });
});
