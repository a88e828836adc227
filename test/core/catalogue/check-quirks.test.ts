import { describe, expect, it } from 'vitest';
import { checkVersionQuirks } from '../../../src/core/catalogue/index.js';
import type { Schematic } from '../../../src/core/schematic/index.js';

const overlay: Schematic = {
  overlay: { image: 'siderolabs/sbc-raspberrypi', name: 'rpi_generic' },
  customization: {},
};
const embedded: Schematic = {
  customization: { embeddedMachineConfiguration: 'apiVersion: v1alpha1\n' },
};
const bootloader: Schematic = { customization: { bootloader: 'sd-boot' } };
const secureboot: Schematic = { customization: { secureboot: { enrollKeys: 'force' } } };

describe('checkVersionQuirks', () => {
  it.each<[string, Schematic, string, string | undefined]>([
    ['overlay on 1.6', overlay, 'v1.6.7', 'overlay'],
    ['overlay on 1.7', overlay, 'v1.7.0', undefined],
    ['overlay on a 1.7 pre-release', overlay, 'v1.7.0-alpha.1', undefined],
    ['embedded config on 1.11', embedded, 'v1.11.6', 'customization.embeddedMachineConfiguration'],
    ['embedded config on 1.12', embedded, 'v1.12.0', undefined],
    ['bootloader on 1.11', bootloader, 'v1.11.0', 'customization.bootloader'],
    ['bootloader on 1.12', bootloader, 'v1.12.4', undefined],
    ['secureboot on 1.4', secureboot, 'v1.4.8', 'customization.secureboot'],
    ['secureboot on 1.5', secureboot, 'v1.5.0', undefined],
  ])('%s', (_label, schematic, version, field) => {
    const problems = checkVersionQuirks(schematic, version);
    expect(problems.map((p) => p.name)).toEqual(field ? [field] : []);
    if (field) {
      expect(problems[0]?.reason).toContain(version);
      expect(problems[0]?.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('treats bootloader none as absent', () => {
    expect(checkVersionQuirks({ customization: { bootloader: 'none' } }, 'v1.8.0')).toEqual([]);
  });

  it('flags a SecureBoot image on a Talos without SecureBoot even for a plain schematic', () => {
    const problems = checkVersionQuirks({ customization: {} }, 'v1.4.0', { secureboot: true });
    expect(problems.map((p) => p.name)).toEqual(['customization.secureboot']);
  });

  it('reports every unsupported feature at once', () => {
    const all: Schematic = {
      overlay: overlay.overlay,
      customization: { ...embedded.customization, bootloader: 'grub' },
    };
    expect(checkVersionQuirks(all, 'v1.6.0')).toHaveLength(3);
  });
});
