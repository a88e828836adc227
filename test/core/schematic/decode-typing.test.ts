// docs/factory-protocol.md §3.1 and §3.2: what the factory accepts, and how each scalar is
// re-typed.
import { describe, expect, it } from 'vitest';
import { decodeSchematic } from '../../../src/core/schematic/index.js';

const decode = (yaml: string) => decodeSchematic(yaml, 's.yaml');
const metaKey = (spelling: string): number | undefined =>
  decode(`customization:\n  meta:\n    - key: ${spelling}\n      value: x\n`).customization
    .meta?.[0]?.key;

describe('documents', () => {
  it.each([
    'null\n',
    '{}\n',
    '~',
    '---\n',
    'customization:\n',
    'customization: {systemExtensions: {}}',
  ])('%j is the vanilla schematic', (yaml) => {
    expect(decode(yaml)).toEqual({ customization: {} });
  });

  it('uses the first document only, even when a later one is broken', () => {
    expect(decode('customization: {extraKernelArgs: [a]}\n---\nnot: [valid\n')).toEqual({
      customization: { extraKernelArgs: ['a'] },
    });
  });

  it('accepts JSON and any key order', () => {
    expect(decode('{"overlay": {"name": "n", "image": "i"}, "customization": {}}')).toEqual({
      overlay: { image: 'i', name: 'n' },
      customization: {},
    });
  });

  it('follows anchors and aliases', () => {
    expect(decode('overlay:\n  image: &x same\n  name: *x\n').overlay).toEqual({
      image: 'same',
      name: 'same',
    });
  });
});

describe('META keys', () => {
  it.each([
    ['10', 10],
    ['0xa', 10],
    ['0o12', 10],
    ['012', 10],
    ['0b1010', 10],
    ['1_0', 10],
    ['0', 0],
    ['255', 255],
    ['+7', 7],
  ])('%s is %i', (spelling, expected) => {
    expect(metaKey(spelling)).toBe(expected);
  });
});

describe('strings', () => {
  const args = (list: string) =>
    decode(`customization:\n  extraKernelArgs: ${list}\n`).customization.extraKernelArgs;

  it('keeps the source text of plain scalars', () => {
    expect(args('[1, 0x10, 1.50, true, .inf, 1_000]')).toEqual([
      '1',
      '0x10',
      '1.50',
      'true',
      '.inf',
      '1_000',
    ]);
  });

  it('reads tagged scalars (!!str, !) as strings, even when they look like numbers', () => {
    expect(args('[!!str 2024-01-02, ! 10]')).toEqual(['2024-01-02', '10']);
  });

  it('drops null items', () => {
    expect(args('[~, a, null, b]')).toEqual(['a', 'b']);
    expect(args('[~]')).toBeUndefined();
  });

  it('splits a flow item at its comma, as YAML does', () => {
    expect(args('[console=ttyS0,115200]')).toEqual(['console=ttyS0', '115200']);
  });

  it('reads a null string as empty, so the field is left out', () => {
    expect(decode('customization:\n  embeddedMachineConfiguration: ~\n')).toEqual({
      customization: {},
    });
  });

  it('reads a META value of null as ""', () => {
    expect(decode('customization:\n  meta: [{key: 1, value: ~}]\n').customization.meta).toEqual([
      { key: 1, value: '' },
    ]);
  });
});

describe('bools, bootloader, sizes', () => {
  const wellKnown = (spelling: string) =>
    decode(`customization:\n  secureboot:\n    includeWellKnownCertificates: ${spelling}\n`)
      .customization.secureboot?.includeWellKnownCertificates;

  it.each(['true', 'True', 'TRUE', 'yes', 'on', "'on'", '"Y"'])('%s is true', (spelling) => {
    expect(wellKnown(spelling)).toBe(true);
  });

  it.each(['false', 'no', 'OFF', "'n'"])('%s is false (and then omitted)', (spelling) => {
    expect(wellKnown(spelling)).toBeUndefined();
  });

  it.each([
    ['sd-boot', 'sd-boot'],
    ['SD-Boot', 'sd-boot'],
    ['"GRUB"', 'grub'],
    ['dual-boot', 'dual-boot'],
  ])('bootloader %s is %s', (spelling, expected) => {
    expect(decode(`customization:\n  bootloader: ${spelling}\n`).customization.bootloader).toBe(
      expected,
    );
  });

  it('treats bootloader none as not set', () => {
    expect(decode('customization:\n  bootloader: None\n')).toEqual({ customization: {} });
  });

  it('reads a sector size in any integer form', () => {
    expect(
      decode('customization:\n  diskImage: {sectorSize: 0x1000}\n').customization.diskImage,
    ).toEqual({
      sectorSize: 4096,
    });
  });
});
