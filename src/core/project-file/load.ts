// Reads talos-release.yaml at the repository root, if there is one. It is read once at start,
// before anything is sent, so a broken file stops the run with its line and field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { UserInputError } from '../errors.js';
import { PROJECT_FILE_NAME, projectFileSchema } from './schema.js';
import type { ProjectFile } from './schema.js';

export function projectFilePath(root: string): string {
  return join(root, PROJECT_FILE_NAME);
}

/** Undefined when the repository has no project file. */
export function readProjectFile(root: string): ProjectFile | undefined {
  const path = projectFilePath(root);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserInputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return parseProjectFile(text, path);
}

export function parseProjectFile(text: string, path: string): ProjectFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const hint = `Fix ${PROJECT_FILE_NAME} (talos-release.schema.json describes it), or remove it.`;
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = lines.linePos(yamlError.pos[0]);
    throw new UserInputError(
      `${path}:${at.line}: not valid YAML: ${yamlError.message.split('\n')[0]}`,
      { hint },
    );
  }
  const result = projectFileSchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.') || '(the document)';
  // The line of the deepest node the path reaches: the field itself, or where it is missing.
  let line = 1;
  for (let depth = issue?.path.length ?? 0; depth >= 0; depth -= 1) {
    const node = document.getIn(issue?.path.slice(0, depth) ?? [], true);
    if (isNode(node) && node.range) {
      line = lines.linePos(node.range[0]).line;
      break;
    }
  }
  throw new UserInputError(`${path}:${line}: ${field}: ${issue?.message ?? 'is not valid'}`, {
    hint,
  });
}
