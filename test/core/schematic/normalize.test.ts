// docs/factory-protocol.md §6 client policy: one extension set, one ID; kernel arguments untouched.
import { describe, expect, it } from 'vitest';
import {
  decodeSchematic,
  dialectSensitiveStrings,
  encodeCanonical,
  normalizeSchematic,
  schematicId,
} from '../../../src/core/schematic/index.js';

const withExtensions = (officialExtensions: string[], extraKernelArgs?: string[]) => ({
  customization: { systemExtensions: { officialExtensions }, extraKernelArgs },
});

describe('normalizeSchematic', () => {
  it('gives both orders of Example 5 the sorted ID and says why', () => {
    const { schematic, changes } = normalizeSchematic(
      withExtensions(['siderolabs/gvisor', 'siderolabs/amd-ucode']),
    );
    expect(schematicId(encodeCanonical(schematic))).toBe(
      'ed510afbbd542b252bf618c09ac0d3f4ad8711c6ce752ebafa91c0779836a5c0',
    );
    expect(changes).toEqual([
      'extensions sorted for a stable schematic ID (the factory does not sort)',
    ]);
  });

  it('removes exact duplicates and names each one', () => {
    const { schematic, changes } = normalizeSchematic(
      withExtensions(['siderolabs/b', 'siderolabs/a', 'siderolabs/b']),
    );
    expect(schematic.customization.systemExtensions?.officialExtensions).toEqual([
      'siderolabs/a',
      'siderolabs/b',
    ]);
    expect(changes).toEqual([
      'extensions sorted for a stable schematic ID (the factory does not sort)',
      'duplicate extension siderolabs/b removed',
    ]);
  });

  it('sorts by code units, so upper case comes first', () => {
    const { schematic } = normalizeSchematic(withExtensions(['siderolabs/b', 'siderolabs/B', 'Z']));
    expect(schematic.customization.systemExtensions?.officialExtensions).toEqual([
      'Z',
      'siderolabs/B',
      'siderolabs/b',
    ]);
  });

  it('reports nothing for a list already in normal form', () => {
    expect(normalizeSchematic(withExtensions(['a', 'b'])).changes).toEqual([]);
  });

  it('never reorders or de-duplicates kernel arguments', () => {
    const args = ['console=ttyS0', 'console=tty0', 'console=ttyS0'];
    const { schematic } = normalizeSchematic(withExtensions(['b', 'a'], args));
    expect(schematic.customization.extraKernelArgs).toEqual(args);
  });

  it('keeps the given order when asked to', () => {
    const input = withExtensions(['b', 'a', 'b']);
    expect(normalizeSchematic(input, { keepExtensionOrder: true })).toEqual({
      schematic: input,
      changes: [],
    });
  });
});

describe('dialectSensitiveStrings', () => {
  it('lists the strings whose encoding changed in factory v1.5.0', () => {
    const schematic = decodeSchematic(
      [
        'customization:',
        '  extraKernelArgs: ["on", "12:30", "<<", console=tty0, "\\nx"]',
        '  meta: [{key: 1, value: "yes"}]',
      ].join('\n'),
      's.yaml',
    );
    expect(dialectSensitiveStrings(schematic)).toEqual(['on', '12:30', '<<', '\nx', 'yes']);
  });

  it('finds nothing in a realistic schematic', () => {
    const schematic = withExtensions(
      ['siderolabs/gvisor'],
      ['console=ttyS0,115200n8', 'net.ifnames=0'],
    );
    expect(dialectSensitiveStrings(schematic)).toEqual([]);
  });

  it('looks inside overlay options, keys included', () => {
    const options = new Map([['on', { kind: 'string', value: 'off' } as const]]);
    expect(
      dialectSensitiveStrings({ overlay: { image: 'i', name: 'rpi', options }, customization: {} }),
    ).toEqual(['on', 'off']);
  });
});
