import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import {
  artifactRefs,
  isoFileName,
  parseInstallerImage,
  parseIsoUrl,
} from '../../../src/core/artifacts/index.js';
import type { ArtifactInput } from '../../../src/core/artifacts/index.js';

const id = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';
const community: ArtifactInput = {
  factoryUrl: 'https://factory.talos.dev',
  schematicId: id,
  talosVersion: 'v1.12.4',
  platform: 'metal',
  arch: 'amd64',
  secureboot: false,
};
const image = `https://factory.talos.dev/image/${id}/v1.12.4`;

describe('artifactRefs on the community factory', () => {
  it('builds every reference for metal amd64', () => {
    expect(artifactRefs(community)).toEqual({
      isoUrl: `${image}/metal-amd64.iso`,
      installerImage: `factory.talos.dev/metal-installer/${id}:v1.12.4`,
      installerRepository: `metal-installer/${id}`,
      registryHost: 'factory.talos.dev',
      diskImageUrl: `${image}/metal-amd64.raw.zst`,
      kernelUrl: `${image}/kernel-amd64`,
      initramfsUrl: `${image}/initramfs-amd64.xz`,
      cmdlineUrl: `${image}/cmdline-metal-amd64`,
      ukiUrl: `${image}/metal-amd64-uki.efi`,
      pxeUrl: `https://pxe.factory.talos.dev/pxe/${id}/v1.12.4/metal-amd64`,
      installerTarUrl: `${image}/metal-installer-amd64.tar`,
    });
  });

  it('adds -secureboot to every SecureBoot asset and the installer', () => {
    const refs = artifactRefs({ ...community, secureboot: true });
    expect(refs.isoUrl).toBe(`${image}/metal-amd64-secureboot.iso`);
    expect(refs.installerImage).toBe(`factory.talos.dev/metal-installer-secureboot/${id}:v1.12.4`);
    expect(refs.ukiUrl).toBe(`${image}/metal-amd64-secureboot-uki.efi`);
    expect(refs.cmdlineUrl).toBe(`${image}/cmdline-metal-amd64-secureboot`);
    expect(refs.pxeUrl).toMatch(/metal-amd64-secureboot$/);
    expect(refs.installerTarUrl).toBe(`${image}/metal-installer-amd64-secureboot.tar`);
  });

  it('accepts a version without the v and a factory URL with a trailing slash', () => {
    const refs = artifactRefs({ ...community, factoryUrl: 'https://factory.talos.dev/', talosVersion: '1.12.4' });
    expect(refs.isoUrl).toBe(`${image}/metal-amd64.iso`);
  });
});

describe('version quirks', () => {
  it.each([
    ['v1.9.6', false, `factory.talos.dev/installer/${id}:v1.9.6`],
    ['v1.9.6', true, `factory.talos.dev/installer-secureboot/${id}:v1.9.6`],
    ['v1.10.0', false, `factory.talos.dev/metal-installer/${id}:v1.10.0`],
    ['v1.10.0-alpha.1', false, `factory.talos.dev/metal-installer/${id}:v1.10.0-alpha.1`],
  ])('Talos %s (secureboot %s) installs from %s', (talosVersion, secureboot, expected) => {
    expect(artifactRefs({ ...community, talosVersion, secureboot }).installerImage).toBe(expected);
  });

  it('uses the legacy installer tarball before 1.10', () => {
    expect(artifactRefs({ ...community, talosVersion: 'v1.9.0' }).installerTarUrl).toMatch(
      /\/installer-amd64\.tar$/,
    );
  });

  it.each([
    ['metal', 'v1.7.5', false, 'raw.xz'],
    ['metal', 'v1.8.0', false, 'raw.zst'],
    ['metal', 'v1.12.4', true, 'raw.xz'],
    ['aws', 'v1.12.4', false, 'raw.xz'],
    ['gcp', 'v1.12.4', false, 'raw.tar.gz'],
    ['azure', 'v1.12.4', false, 'vhd.xz'],
    ['digital-ocean', 'v1.12.4', false, 'raw.gz'],
    ['vmware', 'v1.12.4', false, 'ova'],
    ['oracle', 'v1.12.4', false, 'qcow2'],
    ['scaleway', 'v1.12.4', false, 'raw.zst'],
  ])('%s on %s (SBC %s) has a .%s disk image', (platform, talosVersion, sbc, suffix) => {
    const refs = artifactRefs({ ...community, platform, talosVersion, sbc, arch: 'arm64' });
    expect(refs.diskImageUrl).toBe(
      `https://factory.talos.dev/image/${id}/${talosVersion}/${platform}-arm64.${suffix}`,
    );
  });

  it('leaves the disk image out for a platform it does not know', () => {
    expect(artifactRefs({ ...community, platform: 'newcloud' }).diskImageUrl).toBeUndefined();
  });
});

describe('other factories', () => {
  it('derives the registry and PXE base from a local factory URL', () => {
    const refs = artifactRefs({ ...community, factoryUrl: 'http://127.0.0.1:41234' });
    expect(refs.registryHost).toBe('127.0.0.1:41234');
    expect(refs.installerImage).toBe(`127.0.0.1:41234/metal-installer/${id}:v1.12.4`);
    expect(refs.pxeUrl).toBe(`http://127.0.0.1:41234/pxe/${id}/v1.12.4/metal-amd64`);
    expect(refs.isoUrl).toBe(`http://127.0.0.1:41234/image/${id}/v1.12.4/metal-amd64.iso`);
  });

  it('uses an explicit registry host', () => {
    const refs = artifactRefs({ ...community, registry: 'registry.example.com:5000' });
    expect(refs.installerImage).toBe(`registry.example.com:5000/metal-installer/${id}:v1.12.4`);
    expect(refs.isoUrl.startsWith('https://factory.talos.dev/')).toBe(true);
  });
});

describe('input checks', () => {
  it.each<[string, Partial<ArtifactInput>, RegExp]>([
    ['a short schematic ID', { schematicId: 'abc' }, /schematic ID/],
    ['an unknown architecture', { arch: 'riscv64' }, /architecture/],
    ['a bad platform', { platform: 'Metal/../x' }, /platform/],
    ['a bad version', { talosVersion: 'latest' }, /Talos version/],
    ['SecureBoot before 1.5', { talosVersion: 'v1.4.8', secureboot: true }, /SecureBoot/],
  ])('rejects %s', (_label, change, message) => {
    const attempt = () => artifactRefs({ ...community, ...change });
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(message);
  });
});

describe('isoFileName', () => {
  it('names the version, platform, arch and the first 12 of the ID', () => {
    expect(isoFileName({ ...community })).toBe('talos-v1.12.4-metal-amd64-376567988ad3.iso');
    expect(isoFileName({ ...community, secureboot: true, talosVersion: '1.12.4' })).toBe(
      'talos-v1.12.4-metal-amd64-secureboot-376567988ad3.iso',
    );
  });

  it('never gives two different releases the same file', () => {
    const variants = [
      community,
      { ...community, talosVersion: 'v1.12.5' },
      { ...community, platform: 'nocloud' },
      { ...community, arch: 'arm64' },
      { ...community, schematicId: `ff${id.slice(2)}` },
      { ...community, secureboot: true },
    ];
    expect(new Set(variants.map((input) => isoFileName(input))).size).toBe(variants.length);
  });
});

describe('parsers', () => {
  it('reads back what artifactRefs builds', () => {
    for (const input of [
      community,
      { ...community, platform: 'digital-ocean', secureboot: true, arch: 'arm64' },
      { ...community, talosVersion: 'v1.9.6', secureboot: true },
    ]) {
      const refs = artifactRefs(input);
      expect(parseIsoUrl(refs.isoUrl)).toEqual({
        factoryBase: 'https://factory.talos.dev',
        schematicId: id,
        talosVersion: input.talosVersion,
        platform: input.platform,
        arch: input.arch,
        secureboot: input.secureboot,
      });
      const installer = parseInstallerImage(`${refs.installerImage}@sha256:${'a'.repeat(64)}`);
      expect(installer?.schematicId).toBe(id);
      expect(installer?.talosVersion).toBe(input.talosVersion);
      expect(installer?.secureboot).toBe(input.secureboot);
      expect(installer?.digest).toBe(`sha256:${'a'.repeat(64)}`);
    }
  });

  it('tells the legacy installer (metal) from the per-platform one', () => {
    expect(parseInstallerImage(`factory.talos.dev/installer/${id}:v1.9.0`)?.platform).toBeUndefined();
    expect(parseInstallerImage(`factory.talos.dev/aws-installer/${id}:v1.12.0`)?.platform).toBe('aws');
  });

  it.each([
    'https://factory.talos.dev/image/abc/v1.12.4/metal-amd64.iso',
    `https://factory.talos.dev/image/${id}/v1.12.4/metal-amd64.raw.xz`,
    `ghcr.io/siderolabs/installer:v1.12.4`,
  ])('rejects %s', (text) => {
    expect(parseIsoUrl(text)).toBeUndefined();
    expect(parseInstallerImage(text)).toBeUndefined();
  });
});
