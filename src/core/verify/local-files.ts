// The files a release recorded, as found on disk: size and SHA-256, or why there is no file to
// hash. Remembered per path, so the ISO that os.iso and artifacts[] both describe is read once.
import { stat } from 'node:fs/promises';
import { hashFile, nodeFileSystem } from '../download/index.js';
import { errnoCode } from '../errors.js';

export type LocalFile =
  | { readonly found: true; readonly size: number; readonly sha256: string }
  | { readonly found: false; readonly why: string };

export type LocalFileReader = (path: string) => Promise<LocalFile>;

export function localFileReader(signal?: AbortSignal): LocalFileReader {
  const known = new Map<string, Promise<LocalFile>>();
  return (path) => {
    let file = known.get(path);
    if (!file) {
      file = readLocalFile(path, signal);
      known.set(path, file);
    }
    return file;
  };
}

async function readLocalFile(path: string, signal?: AbortSignal): Promise<LocalFile> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { found: false, why: `cannot read ${path} (ENOTFILE)` };
  } catch (error) {
    const code = errnoCode(error);
    return {
      found: false,
      why: code === 'ENOENT' ? `there is no file at ${path}` : `cannot read ${path} (${code})`,
    };
  }
  const hashed = await hashFile(nodeFileSystem, path, signal);
  return { found: true, size: hashed.size, sha256: hashed.hash.digest('hex') };
}
