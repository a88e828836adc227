// Rewrites the extension list of a schematic file in place, keeping its comments and layout: the
// --extensions flag edits the user's file rather than regenerating it.
import { isMap, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { SchematicError } from '../errors.js';
import { resolvePlainScalar } from './resolve-plain.js';

const EXTENSIONS_PATH = ['customization', 'systemExtensions', 'officialExtensions'];
const SAFE_PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/@:+-]*$/;

function extensionNode(name: string): Scalar<string> {
  const scalar = new Scalar(name);
  // Failsafe keeps every plain scalar as written, so anything the factory would re-type is quoted.
  const safe =
    SAFE_PLAIN.test(name) && resolvePlainScalar(name).kind === 'string' && !name.includes(': ');
  if (!safe) scalar.type = 'QUOTE_DOUBLE';
  return scalar;
}

/** Indentation the file already uses: its smallest indent, and whether `- ` items are indented. */
function detectLayout(text: string): { indent: number; indentSeq: boolean } {
  const lines = text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  const indents = lines.map((line) => line.length - line.trimStart().length).filter((n) => n > 0);
  const indent = indents.length > 0 ? Math.min(...indents) : 2;
  let indentSeq = true;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (
      previous === undefined ||
      !line.trimStart().startsWith('- ') ||
      !previous.trimEnd().endsWith(':')
    )
      return;
    const ownIndent = line.length - line.trimStart().length;
    indentSeq = ownIndent > previous.length - previous.trimStart().length;
  });
  return { indent: Math.max(1, indent), indentSeq };
}

/** Block style for the maps this edit creates or fills, so `customization: {}` grows into lines. */
function unflowPath(document: Document): void {
  let node: unknown = document.contents;
  for (const key of EXTENSIONS_PATH.slice(0, -1)) {
    if (!isMap(node)) return;
    node.flow = false;
    node = node.get(key, true);
  }
  if (isMap(node)) node.flow = false;
}

export function setOfficialExtensions(sourceText: string, names: readonly string[]): string {
  const document: Document = parseDocument(sourceText, { schema: 'failsafe', uniqueKeys: false });
  const [error] = document.errors;
  if (error !== undefined) {
    throw new SchematicError(`cannot edit the extension list: ${error.message}`, {
      hint: 'Fix the YAML syntax of the schematic file first.',
    });
  }
  const contents = document.contents as Node | null;
  const emptyRoot =
    contents === null ||
    (contents instanceof Scalar && ['', '~', 'null'].includes(String(contents.value)));
  if (emptyRoot) document.contents = new YAMLMap();
  else if (!isMap(contents)) {
    throw new SchematicError('cannot edit the extension list: the schematic is not a mapping', {
      hint: 'Start the file with `customization:`.',
    });
  }
  const list = new YAMLSeq<Scalar<string>>();
  list.items = names.map(extensionNode);
  list.flow = names.length === 0;
  const existing = document.getIn(EXTENSIONS_PATH, true) as Node | undefined;
  if (existing !== undefined) list.commentBefore = existing.commentBefore;
  document.setIn(EXTENSIONS_PATH, list);
  unflowPath(document);
  return document.toString({ ...detectLayout(sourceText), lineWidth: 0 });
}
