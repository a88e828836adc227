// Reads and decodes a schematic file, turning file system failures into messages that name it.
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { UserInputError } from '../../errors.js';
import { decodeSchematic } from '../decode/decode-schematic.js';
import type { Schematic } from '../types.js';

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

/**
 * Reads only a regular file. Opening non-blocking and checking the open handle (not the path)
 * means a FIFO with no writer cannot hang the run, and the file cannot be swapped in between.
 */
async function readRegularFile(path: string, shown: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw readFailure(shown, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(shown, stats);
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    throw readFailure(shown, error);
  } finally {
    await handle.close();
  }
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
  const text = await readRegularFile(path, shown);
  return { path, text, schematic: decodeSchematic(text, shown) };
}
