// Parses schematic text the way docs/factory-protocol.md §3.3 asks: failsafe schema (every scalar
// keeps its source text and quoting style), first document only, syntax errors reported with line
// and column.
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import { SchematicError } from '../../errors.js';

export interface ParsedSource {
  /** The first document's root node; null for an empty document such as `---`. */
  readonly root: Node | null;
  readonly lineCounter: LineCounter;
  readonly document: Document;
}

export function parseFirstDocument(text: string, file: string): ParsedSource {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    schema: 'failsafe',
    // Duplicates are checked by the decoder, which knows the path to report.
    uniqueKeys: false,
    prettyErrors: false,
    lineCounter,
  });
  // Only the first document counts, as for the factory; later ones are never read.
  const document = Array.isArray(parsed) ? parsed[0] : undefined;
  if (document === undefined) {
    throw new SchematicError(`the schematic is empty`, {
      location: { file, line: 1, column: 1 },
      hint: 'Write at least `customization: {}` (the vanilla schematic).',
    });
  }
  const [syntaxError] = document.errors;
  if (syntaxError !== undefined) {
    const position = lineCounter.linePos(syntaxError.pos[0]);
    throw new SchematicError(`YAML syntax error: ${syntaxError.message}`, {
      location: { file, line: position.line, column: position.col },
      hint:
        syntaxError.code === 'TAB_AS_INDENT'
          ? 'Indent with spaces, not tabs; the factory would refuse the file.'
          : 'Fix the YAML syntax at this place; the factory would refuse the file.',
    });
  }
  return { root: document.contents as Node | null, lineCounter, document };
}
