// Reads and decodes a schematic file, turning file system failures into messages that name it.
import { readFile } from 'node:fs/promises';
import { UserInputError } from '../errors.js';
import { decodeSchematic } from './decode.js';
import type { Schematic } from './types.js';

export interface LoadedSchematic {
  readonly path: string;
  /** The file exactly as read, for edits that keep its comments. */
  readonly text: string;
  readonly schematic: Schematic;
}

function readFailure(path: string, error: unknown): UserInputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new UserInputError(`schematic file not found: ${path}`, {
      hint: 'Check the path, or pass the schematic file as an argument (default: schematics/metal-amd64.yaml under --root).',
      cause: error,
    });
  }
  if (code === 'EISDIR') {
    return new UserInputError(`the schematic path is a directory: ${path}`, {
      hint: 'Pass the path of a YAML file inside it.',
      cause: error,
    });
  }
  return new UserInputError(`cannot read the schematic file ${path} (${code ?? 'unknown error'})`, {
    hint: 'Check that the file exists and that you may read it.',
    cause: error,
  });
}

export interface LoadOptions {
  /** How messages name the file (e.g. relative to the working directory); default: `path`. */
  readonly displayName?: string | undefined;
}

export async function loadSchematicFile(
  path: string,
  options: LoadOptions = {},
): Promise<LoadedSchematic> {
  const shown = options.displayName ?? path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw readFailure(shown, error);
  }
  return { path, text, schematic: decodeSchematic(text, shown) };
}
