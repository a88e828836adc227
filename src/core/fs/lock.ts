// One run at a time per repository. The lock file says who holds it, so a second run can tell
// the operator which process to wait for; a lock left by a process that no longer exists on this
// host is taken over. (proper-lockfile was considered: it cannot record or report the holder.)
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { errnoCode, UserInputError } from '../errors.js';
import { diskErrorFor } from './atomic-write.js';

export const LOCK_FILE_NAME = '.talos-release.lock';

const lockHolderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string().min(1),
  startedAt: z.string(),
  command: z.string(),
});

export type LockHolder = z.infer<typeof lockHolderSchema>;

export interface RepositoryLock {
  readonly path: string;
  /** Set when a lock left behind (by a dead process, or unreadable) was taken over: why. */
  readonly tookOver: string | undefined;
  release(): Promise<void>;
}

/** What is in the lock file: a holder, nothing (gone), or something no run of ours wrote. */
type LockContent = LockHolder | 'gone' | 'malformed';

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
  let tookOver: string | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return { path, tookOver, release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw diskErrorFor(path, error);
      const holder = await readHolder(path);
      if (typeof holder === 'object' && isAlive(holder)) throw lockedError(path, holder);
      // The holder is gone (crashed or killed), or the file is not a lock any run of ours
      // wrote: either way it protects nothing any more.
      tookOver =
        holder === 'malformed'
          ? `removed ${path}: it was not a valid lock file (no holder recorded), so it was treated as stale`
          : typeof holder === 'object'
            ? `took over ${path} from process ${holder.pid}, which no longer exists`
            : undefined;
      await unlink(path).catch(() => undefined);
    }
  }
  const holder = await readHolder(path);
  throw lockedError(path, typeof holder === 'object' ? holder : undefined);
}

async function readHolder(path: string): Promise<LockContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const parsed = lockHolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'malformed';
  } catch {
    return 'malformed';
  }
}

function isAlive(holder: LockHolder): boolean {
  // A lock from another host cannot be checked from here: treat it as held.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
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
