// A throw-away repository root holding only the appliance schematic: what a fresh clone of an
// appliance repository looks like to --dry-run and the wizard.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export const SCHEMATIC_FILE = 'schematics/metal-amd64.yaml';

/** @param {string} dir  an empty directory to fill */
export async function prepareReleaseRoot(dir) {
  await mkdir(join(dir, 'schematics'), { recursive: true });
  await copyFile(join(REPO_ROOT, SCHEMATIC_FILE), join(dir, SCHEMATIC_FILE));
  return dir;
}
