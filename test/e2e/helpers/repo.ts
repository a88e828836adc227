// A throwaway release repository per test: a temp root holding a copy of the project's own
// schematic, plus the few ways a test looks at what a run left behind.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROJECT_SCHEMATIC = fileURLToPath(
  new URL('../../../schematics/metal-amd64.yaml', import.meta.url),
);
export const SCHEMATIC_PATH = 'schematics/metal-amd64.yaml';

export interface TempRepo {
  readonly root: string;
  path(...parts: string[]): string;
  read(relativePath: string): Promise<string>;
  readJson<T = Record<string, unknown>>(relativePath: string): Promise<T>;
  /** Every file under the root, relative, sorted: a run that changed nothing leaves this as it was. */
  files(): Promise<string[]>;
  /** Every file with its content, for "left exactly as before" assertions. */
  snapshot(): Promise<Map<string, string>>;
  remove(): Promise<void>;
}

export async function makeRepo(): Promise<TempRepo> {
  const root = await mkdtemp(join(tmpdir(), 'talos-release-e2e-'));
  await cp(PROJECT_SCHEMATIC, join(root, SCHEMATIC_PATH), { recursive: true });
  const files = async (): Promise<string[]> => {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
      .sort();
  };
  return {
    root,
    path: (...parts) => join(root, ...parts),
    read: (relativePath) => readFile(join(root, relativePath), 'utf8'),
    readJson: async (relativePath) => JSON.parse(await readFile(join(root, relativePath), 'utf8')),
    files,
    async snapshot() {
      const result = new Map<string, string>();
      for (const file of await files()) {
        result.set(file, (await readFile(join(root, file))).toString('base64'));
      }
      return result;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The digest as coreutils computes it, independently of the tool under test. */
export async function sha256sum(path: string): Promise<string> {
  const { stdout } = await run('sha256sum', [path]);
  return stdout.split(/\s+/)[0] ?? '';
}

/** `sha256sum -c <file>` run in `cwd`; rejects when coreutils finds a mismatch. */
export async function sha256sumCheck(checksumFile: string, cwd: string): Promise<string> {
  const { stdout } = await run('sha256sum', ['-c', checksumFile], { cwd });
  return stdout;
}
