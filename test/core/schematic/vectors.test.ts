// Every published schematic in the vector file must decode, encode to the exact bytes the
// factory hashed, and hash to the published ID.
import { describe, expect, it } from 'vitest';
import {
  decodeSchematic,
  encodeCanonical,
  schematicId,
} from '../../../src/core/schematic/index.js';
import { SCHEMATIC_VECTORS as vectors } from '../../fixtures/schematic-ids/vectors.js';

describe('published schematic IDs', () => {
  it('covers every vector of the file', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(46);
  });

  it.each(vectors.map((v, i) => [i, v.source, v] as const))('#%i %s', (_i, _source, vector) => {
    const canonical = encodeCanonical(decodeSchematic(vector.yaml, 'vector.yaml'));
    expect(canonical).toBe(vector.canonical);
    expect(schematicId(canonical)).toBe(vector.id);
  });

  it('legacy dialect gives the same bytes for every published vector', () => {
    for (const vector of vectors) {
      const schematic = decodeSchematic(vector.yaml, 'vector.yaml');
      expect(encodeCanonical(schematic, { dialect: 'legacy' })).toBe(vector.canonical);
    }
  });
});
