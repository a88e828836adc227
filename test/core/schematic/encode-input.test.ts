// Typed callers build schematics without YAML; the encoder refuses what the factory's Go struct
// cannot hold or what it would write in a form this emitter does not reproduce.
import { describe, expect, it } from 'vitest';
import { SchematicError } from '../../../src/core/errors.js';
import { encodeCanonical } from '../../../src/core/schematic/index.js';
import type { Schematic } from '../../../src/core/schematic/index.js';

function encodeError(schematic: Schematic): SchematicError {
  try {
    encodeCanonical(schematic);
  } catch (error) {
    if (error instanceof SchematicError) return error;
    throw error;
  }
  throw new Error('expected the encoder to refuse the schematic');
}

describe('encodeCanonical refuses', () => {
  it.each([256, -1, 1.5])('META key %d', (key) => {
    const error = encodeError({
      customization: {
        meta: [
          { key: 1, value: 'a' },
          { key, value: 'b' },
        ],
      },
    });
    expect(error.path).toBe('customization.meta[1].key');
    expect(error.hint).toContain('0 to 255');
  });

  it('a fractional sector size', () => {
    expect(encodeError({ customization: { diskImage: { sectorSize: 512.5 } } }).path).toBe(
      'customization.diskImage.sectorSize',
    );
  });

  it('U+2028 in a string', () => {
    expect(encodeError({ customization: { extraKernelArgs: ['a\u2028b'] } }).message).toContain(
      'U+2028',
    );
  });

  it('an option key longer than 128 bytes', () => {
    const options = new Map([['é'.repeat(65), { kind: 'null' } as const]]);
    const error = encodeError({ overlay: { image: 'i', name: 'n', options }, customization: {} });
    expect(error.message).toContain('longer than 128 bytes');
  });

  it('but accepts a 128-byte key', () => {
    const options = new Map([['é'.repeat(64), { kind: 'null' } as const]]);
    expect(
      encodeCanonical({ overlay: { image: 'i', name: 'n', options }, customization: {} }),
    ).toContain(`        ${'é'.repeat(64)}: null\n`);
  });
});
