// Reads and decodes a schematic file, turning file system failures into messages that name it.
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { errnoCode, UserInputError } from '../../errors.js';
import { decodeSchematic } from '../decode/decode-schematic.js';
import type { Schematic } from '../types.js';

export interface LoadedSchematic {
  readonly path: string;
  /** The file exactly as read, for edits that keep its comments. */
  readonly text: string;
  readonly schematic: Schematic;
}

function readFailure(path: string, error: unknown, missingHint: string): UserInputError {
  const code = errnoCode(error);
  if (code === 'ENOENT') {
    return new UserInputError(`schematic file not found: ${path}`, {
      hint: missingHint,
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

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function notRegular(path: string, stats: Stats): UserInputError {
  if (stats.isDirectory()) {
    return new UserInputError(`the schematic path is a directory: ${path}`, {
      hint: 'Pass the path of a YAML file inside it.',
    });
  }
  return new UserInputError(
    `the schematic path is not a regular file (it is ${kindOf(stats)}): ${path}`,
    { hint: 'Pass the path of a schematic YAML file; pipes and devices are not read.' },
  );
}

export interface LoadOptions {
  /** How messages name the file (e.g. relative to the working directory); default: `path`. */
  readonly displayName?: string | undefined;
  /** The hint for a missing file: how the caller's user names another one. */
  readonly missingHint?: string | undefined;
}

/**
 * The text of a schematic file, read only if it is a regular file. Opening non-blocking and
 * checking the open handle (not the path) means a FIFO with no writer cannot hang the run, and
 * nothing can be swapped in between the check and the read.
 */
export async function readSchematicText(path: string, options: LoadOptions = {}): Promise<string> {
  const shown = options.displayName ?? path;
  const failure = (error: unknown): UserInputError =>
    error instanceof UserInputError
      ? error
      : readFailure(shown, error, options.missingHint ?? 'Check the path.');
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw failure(error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(shown, stats);
    return await handle.readFile('utf8');
  } catch (error) {
    throw failure(error);
  } finally {
    await handle.close();
  }
}

export async function loadSchematicFile(
  path: string,
  options: LoadOptions = {},
): Promise<LoadedSchematic> {
  const shown = options.displayName ?? path;
  const text = await readSchematicText(path, options);
  return { path, text, schematic: decodeSchematic(text, shown) };
}
