import { createHash } from 'node:crypto';

/** The schematic ID: lowercase hex SHA-256 of the canonical bytes, with nothing added. */
export function schematicId(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
