// Turns a posted body into the stored canonical schematic exactly as the factory does: strict
// decoding, canonical encoding in the configured encoder dialect, SHA-256 of those bytes.
import { SchematicError } from '../core/errors.js';
import { decodeSchematic, encodeCanonical, schematicId } from '../core/schematic/index.js';
import type { StoredSchematic } from './state.js';

export type Intake =
  | { readonly ok: true; readonly id: string; readonly stored: StoredSchematic }
  | { readonly ok: false; readonly message: string };

const SOURCE_NAME = 'request body';

/** Go's YAML decoder reports io.EOF when there is no document at all. */
function hasNoDocument(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

/** The factory words decode errors as `yaml: construct errors: line N: …`. */
function factoryWording(error: SchematicError): string {
  const location = error.location;
  if (!location) return error.message;
  const prefix = `${location.file}:${location.line}:${location.column}: `;
  const bare = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  // Go reports syntax errors without the "construct errors" part.
  const kind = /syntax/i.test(bare) ? 'yaml' : 'yaml: construct errors';
  return `${kind}: line ${location.line}: ${bare}`;
}

export function intakeSchematic(text: string, dialect: 'v1.5' | 'legacy'): Intake {
  if (hasNoDocument(text)) return { ok: false, message: 'EOF' };
  try {
    const schematic = decodeSchematic(text, SOURCE_NAME);
    const canonical = encodeCanonical(schematic, { dialect });
    return { ok: true, id: schematicId(canonical), stored: { canonical, schematic } };
  } catch (error) {
    if (error instanceof SchematicError) return { ok: false, message: factoryWording(error) };
    throw error;
  }
}
