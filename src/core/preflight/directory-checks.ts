// Checks 8 and 9: the release can write where it will write. Nothing is created to find out:
// a directory that does not exist yet is fine when its nearest existing parent is writable.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { errnoCode, ExitCode } from '../errors.js';
import { failed, passed } from '../verify/index.js';
import type { CheckResult } from '../verify/index.js';

/** The directory itself when it exists, else its nearest existing ancestor. */
export async function nearestExisting(path: string): Promise<string> {
  let current = path;
  for (;;) {
    try {
      await stat(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

export async function checkWritable(
  id: string,
  what: string,
  directory: string,
  root: string,
): Promise<CheckResult> {
  const shown = relative(root, directory) || '.';
  const title = `${what} directory writable (${shown})`;
  const existing = await nearestExisting(directory);
  const info = await stat(existing);
  if (!info.isDirectory()) {
    return failed(id, title, {
      detail: `${existing} is a file, not a directory`,
      fix: `Choose another directory, or move ${existing} out of the way.`,
      exitCode: ExitCode.disk,
    });
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch (error) {
    return failed(id, title, {
      detail: `no permission to write in ${existing} (${errnoCode(error) ?? 'denied'})`,
      fix: `Check the owner and permissions of ${existing}.`,
      exitCode: ExitCode.disk,
    });
  }
  return passed(
    id,
    title,
    existing === directory ? undefined : `will be created under ${existing}`,
  );
}
