// releases/schema.json, generated from the zod schema so editors and other tools can validate
// manifests. Keys are sorted so the file only changes when the schema does.
import { z } from 'zod';
import { releaseManifestSchema } from './schema.js';

/** Keys sorted at every level, so a generated schema file only changes when the schema does. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}

/** The exact text releases/schema.json must hold, ending in LF. */
export function manifestJsonSchemaText(): string {
  const schema = z.toJSONSchema(releaseManifestSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(sortKeys(schema), null, 2)}\n`;
}
