// The factory's canonical schematic bytes (docs/factory-protocol.md §4), written by hand because no
// generic serializer reproduces go-yaml's quoting (docs/factory-protocol.md §4.7), and the ID
// computed from them.
import { createHash } from 'node:crypto';
import type { EncoderDialect } from './dialect.js';
import { emitYaml } from './emit-yaml.js';
import { schematicTree } from './schematic-tree.js';
import type { Schematic } from '../types.js';

export interface EncodeOptions {
  /** 'v1.5' (default): factory ≥ v1.5.0. 'legacy': the ≤ v1.4.x encoder (docs/factory-protocol.md §7). */
  readonly dialect?: EncoderDialect | undefined;
}

export function encodeCanonical(schematic: Schematic, options: EncodeOptions = {}): string {
  return emitYaml(schematicTree(schematic), options.dialect ?? 'v1.5');
}

/** The schematic ID: lowercase hex SHA-256 of the canonical bytes, with nothing added. */
export function schematicId(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
