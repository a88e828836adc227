import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { parseManifest, parseManifestObject } from '../../../src/core/manifest/index.js';
import { schematicId, validManifest } from './fixture.js';

function rejection(value: unknown, file = 'releases/1.4.2.json'): UserInputError {
  try {
    parseManifestObject(value, file);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('release manifest schema', () => {
  it('accepts a consistent manifest and keeps every field', () => {
    const manifest = validManifest();
    expect(parseManifest(JSON.stringify(manifest), 'releases/1.4.2.json')).toEqual(manifest);
  });

  it('accepts a manifest whose installer digest could not be resolved', () => {
    const manifest = validManifest();
    delete manifest.os.installer['digest'];
    expect(parseManifestObject(manifest, 'm.json').os.installer.digest).toBeUndefined();
  });

  it.each(['../../x', '1.2', '1.2.3+build.5', '01.2.3', 'v1.2.3', '1.2.3/evil'])(
    'rejects releaseVersion %s, naming the file and the field',
    (releaseVersion) => {
      const error = rejection({ ...validManifest(), releaseVersion });
      expect(error.message).toContain('releases/1.4.2.json');
      expect(error.message).toContain('releaseVersion');
      expect(error.message).toContain('semantic version');
    },
  );

  it('accepts a pre-release releaseVersion', () => {
    expect(
      parseManifestObject({ ...validManifest(), releaseVersion: '2.0.0-rc.1' }, 'm').releaseVersion,
    ).toBe('2.0.0-rc.1');
  });

  it.each<[string, (m: ReturnType<typeof validManifest>) => void, string]>([
    ['an upper-case ISO hash', (m) => (m.os.iso['sha256'] = 'C'.repeat(64)), 'os.iso.sha256'],
    [
      'a digest without sha256:',
      (m) => (m.os.installer['digest'] = 'd'.repeat(64)),
      'os.installer.digest',
    ],
    ['a date that is not ISO 8601', (m) => (m['generatedAt'] = 'yesterday'), 'generatedAt'],
    ['a negative size', (m) => (m.os.iso['size'] = -1), 'os.iso.size'],
    ['an unknown architecture', (m) => (m.os['architecture'] = 'riscv64'), 'os.architecture'],
    [
      'a missing app version',
      (m) => delete (m['app'] as Record<string, unknown>)['version'],
      'app.version',
    ],
    ['an unknown field', (m) => (m.talos['extra'] = 1), 'talos'],
    [
      'an absolute schematic path',
      (m) => (m.talos['schematicPath'] = '/etc/x.yaml'),
      'talos.schematicPath',
    ],
  ])('rejects %s at %s', (_label, change, path) => {
    const manifest = validManifest();
    change(manifest);
    expect(rejection(manifest).message).toContain(`${path}:`);
  });

  it('lists every failing field at once', () => {
    const manifest = { ...validManifest(), releaseVersion: 'x', generatedAt: 'y' };
    const message = rejection(manifest).message;
    expect(message).toContain('releaseVersion:');
    expect(message).toContain('generatedAt:');
  });

  it('says which file is not JSON', () => {
    expect(() => parseManifest('{"releaseVersion":', 'releases/9.9.9.json')).toThrow(
      /releases\/9\.9\.9\.json is not valid JSON/,
    );
  });
});

describe('manifest consistency', () => {
  const otherId = 'e'.repeat(64);

  it('rejects an ISO URL for another schematic', () => {
    const manifest = validManifest();
    manifest.os.iso['url'] = String(manifest.os.iso['url']).replace(schematicId, otherId);
    const message = rejection(manifest).message;
    expect(message).toContain('os.iso.url:');
    expect(message).toContain(otherId);
    expect(message).toContain('talos.schematicId');
  });

  it('rejects an installer for another Talos version', () => {
    const manifest = validManifest();
    manifest.os.installer['image'] = String(manifest.os.installer['image']).replace(
      ':v1.12.4',
      ':v1.12.3',
    );
    const message = rejection(manifest).message;
    expect(message).toContain('os.installer.image:');
    expect(message).toContain('v1.12.3');
  });

  it('rejects an installer for another schematic', () => {
    const manifest = validManifest();
    manifest.os.installer['image'] = `factory.talos.dev/metal-installer/${otherId}:v1.12.4`;
    expect(rejection(manifest).message).toContain('os.installer.image:');
  });

  it('rejects an ISO URL for another platform or SecureBoot setting', () => {
    const manifest = validManifest();
    manifest.os['secureboot'] = true;
    const message = rejection(manifest).message;
    expect(message).toContain('os.iso.url:');
    expect(message).toContain('os.installer.image:');
  });

  it('rejects schematic text that does not hash to the ID', () => {
    const manifest = validManifest();
    manifest.talos['schematic'] = 'customization: {}\n';
    expect(rejection(manifest).message).toContain(
      'talos.schematic: does not hash to talos.schematicId',
    );
  });

  it('rejects an ISO URL that is not a factory ISO address', () => {
    const manifest = validManifest();
    manifest.os.iso['url'] = 'https://example.com/talos.iso';
    expect(rejection(manifest).message).toContain('os.iso.url: is not a factory ISO URL');
  });

  it('rejects an ISO URL on another factory than talos.factoryUrl', () => {
    const manifest = validManifest();
    manifest.talos['factoryUrl'] = 'https://factory.example.com';
    expect(rejection(manifest).message).toContain('is not on talos.factoryUrl');
  });
});
