// Check 1: the schematic file is there and decodes exactly as the factory would decode it.
import { errnoCode, ExitCode, ReleaseError } from '../errors.js';
import { DEFAULT_SCHEMATIC_PATH, resolvePath } from '../pipeline/index.js';
import { decodeSchematic, readSchematicText } from '../schematic/index.js';
import { failed, passed } from '../verify/index.js';
import type { CheckResult } from '../verify/index.js';
import { failureFrom } from './check-errors.js';

export const SCHEMATIC_CHECK_TITLE = 'schematic present and valid';

export async function checkSchematicPresent(
  root: string,
  schematicPath: string,
): Promise<CheckResult> {
  const path = resolvePath(root, schematicPath);
  let text: string;
  try {
    // Only a regular file: a FIFO would block the read forever.
    text = await readSchematicText(path);
  } catch (error) {
    const code = errnoCode((error as Error).cause);
    return failed('schematic', SCHEMATIC_CHECK_TITLE, {
      detail: code === 'ENOENT' ? `there is no schematic at ${path}` : (error as Error).message,
      fix: `Pass --schematic <file> (default ${DEFAULT_SCHEMATIC_PATH} under --root).`,
      exitCode: ExitCode.badInput,
    });
  }
  try {
    decodeSchematic(text, path);
    return passed('schematic', SCHEMATIC_CHECK_TITLE, path);
  } catch (error) {
    if (error instanceof ReleaseError)
      return failureFrom('schematic', SCHEMATIC_CHECK_TITLE, error);
    throw error;
  }
}
