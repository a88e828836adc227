// The worked examples of docs/factory-protocol.md §5 and §7, byte for byte.
import { describe, expect, it } from 'vitest';
import {
  decodeSchematic,
  encodeCanonical,
  schematicId,
} from '../../../src/core/schematic/index.js';

const encode = (yaml: string, dialect: 'v1.5' | 'legacy' = 'v1.5'): string =>
  encodeCanonical(decodeSchematic(yaml, 'example.yaml'), { dialect });

describe('§5 worked examples', () => {
  it.each(['{}', 'customization: {}', 'null', 'customization: {"extraKernelArgs": []}'])(
    'vanilla from %s',
    (input) => {
      const canonical = encode(input);
      expect(canonical).toBe('customization: {}\n');
      expect(schematicId(canonical)).toBe(
        '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba',
      );
    },
  );

  it('example 4: embedded configuration as a literal block with strip chomping', () => {
    const value = 'apiVersion: v1alpha1\nkind: HostnameConfig\nhostname: worker-33';
    const canonical = encodeCanonical({ customization: { embeddedMachineConfiguration: value } });
    expect(canonical).toBe(
      'customization:\n    embeddedMachineConfiguration: |-\n        apiVersion: v1alpha1\n' +
        '        kind: HostnameConfig\n        hostname: worker-33\n',
    );
    expect(schematicId(canonical)).toBe(
      '02f29f9a702fceec4fc2e2e51314d63710fc1b192ebb1629ac12301949d49c8c',
    );
  });

  it('example 5: extension order changes the ID', () => {
    const ids = [
      ['siderolabs/amd-ucode', 'siderolabs/gvisor'],
      ['siderolabs/gvisor', 'siderolabs/amd-ucode'],
    ].map((officialExtensions) =>
      schematicId(encodeCanonical({ customization: { systemExtensions: { officialExtensions } } })),
    );
    expect(ids).toEqual([
      'ed510afbbd542b252bf618c09ac0d3f4ad8711c6ce752ebafa91c0779836a5c0',
      'a993cf18ef6a65e3fc6d2f651c0363981b6b2e823829ad95a2557cfc97ca6595',
    ]);
  });

  it('example 6: every field, in declaration order', () => {
    const input = [
      'customization:',
      '  diskImage: {sectorSize: 4096}',
      '  secureboot: {includeWellKnownCertificates: true, enrollKeys: force}',
      '  bootloader: SD-Boot',
      '  systemExtensions:',
      '    officialExtensions: [siderolabs/gvisor, siderolabs/amd-ucode]',
      '  meta:',
      '    - {key: 0xa, value: \'{"externalIPs":["1.2.3.4"]}\'}',
      '  extraKernelArgs: ["console=ttyS0,115200n8", -console, net.ifnames=0]',
      '  embeddedMachineConfiguration: |',
      '    apiVersion: v1alpha1',
      '    kind: HostnameConfig',
      '    hostname: my-host',
      'overlay:',
      '  options: {configTxtAppend: dtoverlay=disable-bt, b: [1, two]}',
      '  name: rpi_generic',
      '  image: siderolabs/sbc-raspberrypi',
    ].join('\n');
    const expected = [
      'overlay:',
      '    image: siderolabs/sbc-raspberrypi',
      '    name: rpi_generic',
      '    options:',
      '        b:',
      '            - 1',
      '            - two',
      '        configTxtAppend: dtoverlay=disable-bt',
      'customization:',
      '    embeddedMachineConfiguration: |',
      '        apiVersion: v1alpha1',
      '        kind: HostnameConfig',
      '        hostname: my-host',
      '    extraKernelArgs:',
      '        - console=ttyS0,115200n8',
      '        - -console',
      '        - net.ifnames=0',
      '    meta:',
      '        - key: 10',
      '          value: \'{"externalIPs":["1.2.3.4"]}\'',
      '    systemExtensions:',
      '        officialExtensions:',
      '            - siderolabs/gvisor',
      '            - siderolabs/amd-ucode',
      '    bootloader: sd-boot',
      '    secureboot:',
      '        enrollKeys: force',
      '        includeWellKnownCertificates: true',
      '    diskImage:',
      '        sectorSize: 4096',
      '',
    ].join('\n');
    const canonical = encode(input);
    expect(canonical).toBe(expected);
    expect(schematicId(canonical)).toBe(
      'cf59fb4ce175da8e05dabdb55d08f292824da75591bca5dd72689d9e30d8ab4d',
    );
  });

  it('quoting illustration: strings that would re-read as other types are double-quoted', () => {
    const extraKernelArgs = ['1', 'true', '', '0x10', 'null'];
    expect(encodeCanonical({ customization: { extraKernelArgs } })).toBe(
      'customization:\n    extraKernelArgs:\n        - "1"\n        - "true"\n        - ""\n' +
        '        - "0x10"\n        - "null"\n',
    );
  });
});

describe('§7 dialects', () => {
  it('a YAML 1.1 bool word is single-quoted by v1.5 and double-quoted by legacy', () => {
    const input = 'customization:\n  extraKernelArgs: ["on"]\n';
    const current = encode(input, 'v1.5');
    const legacy = encode(input, 'legacy');
    expect(current).toBe("customization:\n    extraKernelArgs:\n        - 'on'\n");
    expect(legacy).toBe('customization:\n    extraKernelArgs:\n        - "on"\n');
    expect(schematicId(current)).toBe(
      'b5250f0ac277bb38585e97a7a542f7a9609bf3497159e9acbd5f8f98c62b96d0',
    );
    expect(schematicId(legacy)).toBe(
      'e4130439448d6d0343170a4f32147a7db11813dc345b39a365ae0b7702466ef6',
    );
  });

  it('vga=791 gives the ID the factory computes today', () => {
    expect(schematicId(encode('customization:\n  extraKernelArgs: [vga=791]\n'))).toBe(
      'eea1f9534c46d95c4715a2f13d17eacb927c13a42ef087c79b22c3bd0c49d073',
    );
  });
});
