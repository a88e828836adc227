import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { manifestJsonSchemaText } from '../../../src/core/manifest/index.js';

describe('releases/schema.json', () => {
  it('matches the zod schema (run `npm run schema` when this fails)', async () => {
    const checkedIn = await readFile(
      new URL('../../../releases/schema.json', import.meta.url),
      'utf8',
    );
    expect(checkedIn, 'releases/schema.json is stale: run `npm run schema` and commit it').toBe(
      manifestJsonSchemaText(),
    );
  });

  it('carries the field rules other tools validate with', () => {
    const schema = JSON.parse(manifestJsonSchemaText()) as {
      properties: Record<string, { pattern?: string }>;
      required: string[];
    };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'releaseVersion',
        'generatedAt',
        'channel',
        'talos',
        'os',
        'app',
        'tool',
      ]),
    );
    const pattern = new RegExp(schema.properties['releaseVersion']?.pattern ?? '^$');
    expect(pattern.test('1.2.3')).toBe(true);
    expect(pattern.test('../../x')).toBe(false);
  });
});
