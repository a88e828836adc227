// The real file layer behind DownloadFileSystem. Writes go through one FileHandle so the same
// descriptor that received the bytes is the one fsync'd before the rename.
import { constants, createReadStream } from 'node:fs';
import {
  lstat,
  mkdir,
  open,
  readFile,
  rename,
  rm,
  stat,
  statfs,
  writeFile,
} from 'node:fs/promises';
import { fileHandleWriter } from './file-handle-writer.js';
import type { DownloadFileSystem, WritableFile } from './types.js';
import { errnoCode } from '../errors.js';

/** Large writes keep syscall overhead out of the 1 GiB benchmark; memory stays bounded by it. */
const WRITE_HIGH_WATER_MARK = 1024 * 1024;

function isMissing(error: unknown): boolean {
  return errnoCode(error) === 'ENOENT';
}

export const nodeFileSystem: DownloadFileSystem = {
  async sizeOf(path) {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },

  async kindOf(path) {
    try {
      const info = await lstat(path);
      if (info.isSymbolicLink()) return 'symlink';
      if (info.isDirectory()) return 'directory';
      return info.isFile() ? 'file' : 'other';
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },

  async openForWrite(path, mode): Promise<WritableFile> {
    const { O_APPEND, O_CREAT, O_NOFOLLOW, O_TRUNC, O_WRONLY } = constants;
    const flags = O_WRONLY | O_CREAT | O_NOFOLLOW | (mode === 'append' ? O_APPEND : O_TRUNC);
    const handle = await open(path, flags, 0o666);
    const stream = fileHandleWriter(handle, WRITE_HIGH_WATER_MARK);
    let closed = false;
    return {
      stream,
      sync: () => handle.sync(),
      async close() {
        if (closed) return;
        closed = true;
        await handle.close();
      },
    };
  },

  openForRead(path) {
    return createReadStream(path, { highWaterMark: WRITE_HIGH_WATER_MARK });
  },

  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },

  writeText: (path, text) => writeFile(path, text, 'utf8'),

  rename: (from, to) => rename(from, to),

  async remove(path) {
    await rm(path, { force: true });
  },

  async makeDirectory(path) {
    await mkdir(path, { recursive: true });
  },

  async syncDirectory(path) {
    // Some file systems refuse fsync on a directory (EINVAL/EISDIR); the rename still happened.
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
    } finally {
      await handle.close();
    }
  },

  async freeBytes(path) {
    try {
      const info = await statfs(path);
      return info.bavail * info.bsize;
    } catch {
      return undefined;
    }
  },
};
