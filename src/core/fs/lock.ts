// One run at a time per repository. The lock file says who holds it, so a second run can tell
// the operator which process to wait for; a lock left by a process that no longer exists on this
// host is taken over. (proper-lockfile was considered: it cannot record or report the holder.)
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserInputError } from '../errors.js';
import { diskErrorFor } from './atomic-write.js';

export const LOCK_FILE_NAME = '.talos-release.lock';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly command: string;
}

export interface RepositoryLock {
  readonly path: string;
  release(): Promise<void>;
}

export async function acquireRepositoryLock(
  root: string,
  command: string,
  now: () => Date = () => new Date(),
): Promise<RepositoryLock> {
  const path = join(root, LOCK_FILE_NAME);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: now().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return { path, release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw diskErrorFor(path, error);
      const holder = await readHolder(path);
      if (holder && isAlive(holder)) throw lockedError(path, holder);
      // The holder is gone (crashed or killed): its lock protects nothing any more.
      await unlink(path).catch(() => undefined);
    }
  }
  throw lockedError(path, await readHolder(path));
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  // A lock from another host cannot be checked from here: treat it as held.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(path: string, holder: LockHolder | undefined): UserInputError {
  const who = holder
    ? `process ${holder.pid} on ${holder.host} (${holder.command}, since ${holder.startedAt})`
    : 'another run';
  return new UserInputError(`the repository is in use by ${who}`, {
    hint: `Wait for it to finish. If no such run exists any more, remove ${path}.`,
  });
}
