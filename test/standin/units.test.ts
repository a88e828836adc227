import { describe, expect, it } from 'vitest';
import { parseRange } from '../../src/standin/byte-range.js';
import {
  LISTED_VERSIONS,
  extensionsFor,
  newestStable,
  overlaysFor,
} from '../../src/standin/catalog.js';
import { parseAssetPath } from '../../src/standin/image-path.js';
import { parseInstallerImage } from '../../src/standin/registry/installer-image.js';
import { compareVersions, parseVersion } from '../../src/standin/semver.js';

function version(text: string) {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`bad test version ${text}`);
  return parsed;
}

describe('the catalogue', () => {
  it('lists versions in ascending semver order, newest minor pre-releases last', () => {
    const sorted = [...LISTED_VERSIONS].sort((a, b) => compareVersions(version(a), version(b)));
    expect(LISTED_VERSIONS).toEqual(sorted);
    expect(LISTED_VERSIONS.at(-1)).toBe('v1.14.0-rc.1');
    expect(newestStable()).toBe('v1.13.9');
  });

  it('serves every listed version from the nearest catalogue file of its minor line', () => {
    const names = (v: string) => extensionsFor(version(v)).map((e) => e.name);
    expect(names('v1.13.2')).toEqual(names('v1.13.9'));
    expect(names('v1.14.0-rc.1')).toEqual(names('v1.14.0-alpha.1'));
    expect(names('v1.12.0')).not.toEqual(names('v1.13.9'));
    for (const listed of LISTED_VERSIONS) expect(names(listed).length).toBeGreaterThan(0);
  });

  it('has no overlays below Talos 1.7', () => {
    expect(overlaysFor(version('v1.6.8'))).toEqual([]);
    expect(overlaysFor(version('v1.7.0')).length).toBeGreaterThan(0);
  });
});

describe('the asset path grammar', () => {
  const valid = [
    ['kernel-amd64', 'kernel'],
    ['kernel-x86_64', 'kernel'],
    ['cmdline-metal-amd64-secureboot', 'cmdline'],
    ['initramfs-arm64.xz', 'initramfs'],
    ['metal-amd64.iso', 'iso'],
    ['digital-ocean-amd64.raw.gz', 'disk'],
    ['metal-amd64-secureboot-uki.efi', 'uki'],
    ['installer-amd64-secureboot.tar', 'installer'],
    ['aws-installer-arm64.tar', 'installer'],
    ['gcp-amd64.raw.tar.gz', 'disk'],
    ['metal-amd64.qcow2', 'disk'],
    ['vmware-amd64.ova', 'disk'],
  ] as const;
  it.each(valid)('accepts %s as %s', (path, kind) => {
    const parsed = parseAssetPath(path);
    expect(parsed.ok && parsed.asset.kind).toBe(kind);
  });

  it.each([
    'metal-amd64.img',
    'kernel-riscv',
    'nowhere-amd64.iso',
    'metal.iso',
    'installer.tar',
    '',
  ])('rejects %j', (path) => {
    expect(parseAssetPath(path).ok).toBe(false);
  });

  it('maps the iPXE architecture names to amd64', () => {
    const parsed = parseAssetPath('metal-i386.iso');
    expect(parsed.ok && parsed.asset.arch).toBe('amd64');
  });
});

describe('installer image names', () => {
  it('accepts the legacy and per-platform forms and nothing else', () => {
    expect(parseInstallerImage('installer')).toEqual({ platform: 'metal', secureboot: false });
    expect(parseInstallerImage('aws-installer-secureboot')).toEqual({
      platform: 'aws',
      secureboot: true,
    });
    expect(parseInstallerImage('foo')).toBeUndefined();
    expect(parseInstallerImage('mars-installer')).toBeUndefined();
  });
});

describe('Range headers', () => {
  it.each([
    ['bytes=0-9', { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-', { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-5', { kind: 'partial', start: 95, end: 99 }],
    ['bytes=50-500', { kind: 'partial', start: 50, end: 99 }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'full' }],
    ['items=0-1', { kind: 'full' }],
  ] as const)('%s of 100 bytes', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});
