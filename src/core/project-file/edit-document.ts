// Reads talos-release.yaml as a YAML document for an edit that keeps every comment, and writes it
// back atomically. A missing or comments-only file gets `placeholder` so there is a map to set.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { writeFileAtomically } from '../fs/index.js';
import { projectFilePath } from './load.js';

export async function editProjectFile(
  root: string,
  placeholder: string,
  edit: (document: Document) => void,
): Promise<string> {
  const path = projectFilePath(root);
  const before = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  let document = parseDocument(before);
  // Empty or comments only: give it a map to hold the field, keeping the comments above it.
  if (document.contents === null) {
    const separator = before === '' || before.endsWith('\n') ? '' : '\n';
    document = parseDocument(`${before}${separator}${placeholder}\n`);
  }
  edit(document);
  await writeFileAtomically(path, document.toString());
  return path;
}
