// Every file the tool writes goes through here: a temp file beside the target, fsync, rename.
// A crash or Ctrl-C therefore leaves either the old file or the new one, never half of either.
// Staging is split from committing so a release can stage all its files before renaming any.
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DiskError, errnoCode } from '../errors.js';

/** Our temp files end with this; a run holding the repository lock may remove strays. */
const TEMP_SUFFIX = '.talos-release.tmp';
const TEMP_NAME = /^\..+\.\d+-\d+\.talos-release\.tmp$/;
let counter = 0;

export interface StagedFile {
  readonly path: string;
  /** Renames the staged content over `path`; durable once it returns. */
  commit(): Promise<void>;
  /** Removes the temp file; the target is untouched. */
  discard(): Promise<void>;
}

export interface StageOptions {
  /** The new file's permissions (e.g. 0o600 for a secret key); default: the existing file's. */
  readonly mode?: number | undefined;
}

export async function writeFileAtomically(
  path: string,
  data: string,
  options: StageOptions = {},
): Promise<void> {
  const staged = await stageFile(path, data, options);
  await staged.commit();
}

/** Writes `data` to a hidden temp file beside `path`, fsync'd, ready to be renamed over it. */
export async function stageFile(
  path: string,
  data: string,
  options: StageOptions = {},
): Promise<StagedFile> {
  counter += 1;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${counter}${TEMP_SUFFIX}`);
  const discard = (): Promise<void> => rm(temp, { force: true }).catch(() => undefined);
  try {
    await mkdir(dirname(path), { recursive: true });
    // An existing file keeps its permissions. A secret is created with its own from the start,
    // so it is never readable by others, not even between open and chmod.
    const mode =
      options.mode ??
      (await stat(path).then(
        (info) => info.mode & 0o7777,
        () => 0o666,
      ));
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw diskErrorFor(path, error);
  }
  return {
    path,
    discard,
    commit: async () => {
      try {
        await rename(temp, path);
        await fsyncDirectory(dirname(path));
      } catch (error) {
        await discard();
        throw diskErrorFor(path, error);
      }
    },
  };
}

/** Removes temp files a killed run of ours left in these directories; anything else stays. */
export async function removeStrayTempFiles(directories: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(directories)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => TEMP_NAME.test(n))) {
      await rm(join(dir, name), { force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}

/** The rename is only durable once the directory entry itself is on disk. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A file system refusal (it has an errno code) becomes a DiskError; anything else is a bug. */
export function diskErrorFor(path: string, error: unknown): DiskError {
  const code = errnoCode(error);
  if (code === undefined) throw error;
  const hint =
    code === 'ENOSPC'
      ? 'The disk is full: free some space and run again.'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `Check that you may write to ${dirname(path)}.`
        : undefined;
  return new DiskError(`could not write ${path}: ${(error as Error).message}`, {
    hint,
    cause: error,
  });
}
