// Every published schematic in the shared vector file must decode, encode to the exact bytes the
// factory hashed, and hash to the published ID.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeSchematic,
  encodeCanonical,
  schematicId,
} from '../../../src/core/schematic/index.js';

interface Vector {
  readonly source: string;
  readonly yaml: string;
  readonly id: string;
  readonly canonical: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const vectorFile = path.resolve(repoRoot, '../shared/vectors/schematic-ids.json');
const vectors = JSON.parse(readFileSync(vectorFile, 'utf8')) as Vector[];

describe('published schematic IDs', () => {
  it('covers every vector of the shared file', () => {
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
