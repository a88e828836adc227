// Properties over arbitrary schematics: the canonical bytes read back to the same schematic, and
// the normal form is stable and never touches kernel arguments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSchematic,
  dialectSensitiveStrings,
  encodeCanonical,
  normalizeSchematic,
} from '../../../src/core/schematic/index.js';
import { schematicArbitrary } from './arbitraries.js';

const RUNS = { numRuns: 400 };

describe('canonical encoding', () => {
  it('round-trips: decode(encode(s)) equals s', () => {
    fc.assert(
      fc.property(schematicArbitrary, (schematic) => {
        expect(decodeSchematic(encodeCanonical(schematic), 'generated.yaml')).toEqual(schematic);
      }),
      RUNS,
    );
  });

  it('is idempotent: encode(decode(encode(s))) is encode(s)', () => {
    fc.assert(
      fc.property(schematicArbitrary, (schematic) => {
        const canonical = encodeCanonical(schematic);
        expect(encodeCanonical(decodeSchematic(canonical, 'generated.yaml'))).toBe(canonical);
      }),
      RUNS,
    );
  });
});

describe('dialects', () => {
  it('differ exactly when dialectSensitiveStrings finds something', () => {
    fc.assert(
      fc.property(schematicArbitrary, (schematic) => {
        const differs =
          encodeCanonical(schematic, { dialect: 'v1.5' }) !==
          encodeCanonical(schematic, { dialect: 'legacy' });
        expect(differs).toBe(dialectSensitiveStrings(schematic).length > 0);
      }),
      RUNS,
    );
  });
});

describe('normal form', () => {
  it('is idempotent and leaves kernel arguments alone', () => {
    fc.assert(
      fc.property(schematicArbitrary, (schematic) => {
        const once = normalizeSchematic(schematic);
        const twice = normalizeSchematic(once.schematic);
        expect(twice.changes).toEqual([]);
        expect(twice.schematic).toEqual(once.schematic);
        expect(once.schematic.customization.extraKernelArgs).toEqual(
          schematic.customization.extraKernelArgs,
        );
      }),
      RUNS,
    );
  });

  it('sorts extensions in code-unit order without duplicates, keeping the set', () => {
    fc.assert(
      fc.property(schematicArbitrary, (schematic) => {
        const before = schematic.customization.systemExtensions?.officialExtensions ?? [];
        const after =
          normalizeSchematic(schematic).schematic.customization.systemExtensions
            ?.officialExtensions ?? [];
        expect(new Set(after)).toEqual(new Set(before));
        expect(after.length).toBe(new Set(after).size);
        after.slice(1).forEach((name, i) => expect((after[i] ?? '') < name).toBe(true));
      }),
      RUNS,
    );
  });
});
