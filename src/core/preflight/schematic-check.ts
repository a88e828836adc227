// Check 1: the schematic file is there and decodes exactly as the factory would decode it.
import { readFile } from 'node:fs/promises';
import { ExitCode, ReleaseError } from '../errors.js';
import { resolvePath } from '../pipeline/project.js';
import { decodeSchematic } from '../schematic/index.js';
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
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failed('schematic', SCHEMATIC_CHECK_TITLE, {
      detail:
        code === 'ENOENT' ? `there is no schematic at ${path}` : `cannot read ${path} (${code})`,
      fix: 'Pass --schematic <file> (default schematics/metal-amd64.yaml under --root).',
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
