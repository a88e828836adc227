// Rewrites the extension list of a schematic file in place, keeping its comments and layout: the
// --extensions flag edits the user's file rather than regenerating it.
import { isMap, isNode, isScalar, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Document } from 'yaml';
import { SchematicError } from '../../errors.js';
import { resolvePlainScalar } from '../resolve/plain-scalar.js';

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

const isNullScalar = (node: unknown): boolean =>
  node === null ||
  node === undefined ||
  (isScalar(node) && ['', '~', 'null', 'Null', 'NULL'].includes(String(node.value)));

/** The block mapping under `key`, created when absent or null, so `{}` grows into lines. */
function blockMapAt(parent: YAMLMap, key: string, path: string): YAMLMap {
  const child: unknown = parent.get(key, true);
  if (isNullScalar(child)) {
    const created = new YAMLMap();
    parent.set(new Scalar(key), created);
    return created;
  }
  if (!isMap(child)) {
    throw new SchematicError(`cannot edit the extension list: ${path} is not a mapping`, {
      hint: `Make ${path} a mapping (key: value lines) or remove it.`,
    });
  }
  child.flow = false;
  return child;
}

export function setOfficialExtensions(sourceText: string, names: readonly string[]): string {
  const document: Document = parseDocument(sourceText, { schema: 'failsafe', uniqueKeys: false });
  const [error] = document.errors;
  if (error !== undefined) {
    throw new SchematicError(`cannot edit the extension list: ${error.message}`, {
      hint: 'Fix the YAML syntax of the schematic file first.',
    });
  }
  if (isNullScalar(document.contents)) document.contents = new YAMLMap();
  const root: unknown = document.contents;
  if (!isMap(root)) {
    throw new SchematicError('cannot edit the extension list: the schematic is not a mapping', {
      hint: 'Start the file with `customization:`.',
    });
  }
  root.flow = false;
  const customization = blockMapAt(root, 'customization', 'customization');
  const extensions = blockMapAt(
    customization,
    'systemExtensions',
    'customization.systemExtensions',
  );
  const list = new YAMLSeq<Scalar<string>>();
  list.items = names.map(extensionNode);
  list.flow = names.length === 0;
  const existing: unknown = extensions.get('officialExtensions', true);
  if (isNode(existing)) {
    list.commentBefore = existing.commentBefore;
    list.comment = existing.comment;
  }
  extensions.set(new Scalar('officialExtensions'), list);
  return document.toString({
    ...detectLayout(sourceText),
    lineWidth: 0,
    flowCollectionPadding: false,
  });
}
