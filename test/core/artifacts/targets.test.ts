import { describe, expect, it } from 'vitest';
import { parseInstallerChoice, parseTarget, parseTargets } from '../../../src/core/artifacts/index.js';
import { UserInputError } from '../../../src/core/errors.js';

const at = (talosVersion: string, overlay = false) => ({ talosVersion, overlay });

function refusal(run: () => unknown): UserInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseTarget', () => {
  it.each([
    ['metal-amd64.iso', 'iso', 'metal', 'amd64', false],
    ['metal-amd64-secureboot.iso', 'iso', 'metal', 'amd64', true],
    ['nocloud-amd64.raw.xz', 'disk', 'nocloud', 'amd64', false],
    ['metal-amd64.raw.zst', 'disk', 'metal', 'amd64', false],
    ['gcp-amd64.raw.tar.gz', 'disk', 'gcp', 'amd64', false],
    ['digital-ocean-amd64.raw.gz', 'disk', 'digital-ocean', 'amd64', false],
    ['vmware-amd64.ova', 'disk', 'vmware', 'amd64', false],
    ['metal-amd64.qcow2', 'disk', 'metal', 'amd64', false],
    ['metal-arm64-secureboot-uki.efi', 'uki', 'metal', 'arm64', true],
    ['installer-amd64.tar', 'installer-tarball', 'metal', 'amd64', false],
    ['nocloud-installer-arm64.tar', 'installer-tarball', 'nocloud', 'arm64', false],
    ['kernel-arm64', 'kernel', undefined, 'arm64', false],
    ['initramfs-amd64.xz', 'initramfs', undefined, 'amd64', false],
  ])('reads %s as the factory does', (name, kind, platform, arch, secureboot) => {
    expect(parseTarget(name, at('v1.12.4'))).toEqual({ name, kind, platform, arch, secureboot });
  });

  it('refuses a kernel command line with a hint, since it is not an image', () => {
    const error = refusal(() => parseTarget('cmdline-metal-amd64', at('v1.12.4')));
    expect(error.message).toContain('not an image');
    expect(error.hint).toContain('Drop it');
  });

  it.each([
    ['metall-amd64.iso', 'metal-amd64.iso'],
    ['nocloud-amd64.raw.xzz', 'nocloud-amd64.raw.xz'],
    ['metal-x86_64.iso', 'metal-amd64.iso'],
    ['kernel-amd64.xz', 'kernel-amd64'],
  ])('suggests the nearest valid name for %s', (bad, near) => {
    expect(refusal(() => parseTarget(bad, at('v1.12.4'))).hint).toContain(`Did you mean ${near}?`);
  });

  it('holds SecureBoot to Talos 1.5 and metal raw.zst to Talos 1.8', () => {
    expect(refusal(() => parseTarget('metal-amd64-secureboot.iso', at('v1.4.8'))).message).toContain(
      'Talos 1.5',
    );
    expect(parseTarget('metal-amd64-secureboot.iso', at('v1.5.0')).secureboot).toBe(true);
    const zst = refusal(() => parseTarget('metal-amd64.raw.zst', at('v1.7.6')));
    expect(zst.message).toContain('Talos 1.8');
    expect(zst.hint).toContain('metal-amd64.raw.xz');
  });

  it('needs an overlay schematic for an arm64 metal raw.xz from Talos 1.8 (an SBC image)', () => {
    expect(refusal(() => parseTarget('metal-arm64.raw.xz', at('v1.12.4'))).message).toContain(
      'overlay',
    );
    expect(parseTarget('metal-arm64.raw.xz', at('v1.12.4', true)).kind).toBe('disk');
    expect(parseTarget('metal-arm64.raw.xz', at('v1.7.0')).kind).toBe('disk');
  });

  it('refuses a target named twice', () => {
    const names = ['metal-amd64.iso', 'metal-arm64.iso', 'metal-amd64.iso'];
    expect(refusal(() => parseTargets(names, () => at('v1.12.4'))).message).toContain('twice');
  });
});

describe('parseInstallerChoice', () => {
  it('reads platform and SecureBoot', () => {
    expect(parseInstallerChoice('metal-secureboot', 'v1.12.4')).toEqual({
      platform: 'metal',
      secureboot: true,
    });
    expect(parseInstallerChoice('nocloud', 'v1.12.4')).toEqual({ platform: 'nocloud', secureboot: false });
  });

  it('names the nearest platform for a typo', () => {
    expect(refusal(() => parseInstallerChoice('nocloude', 'v1.12.4')).hint).toContain('nocloud');
  });
});
