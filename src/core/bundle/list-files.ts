// Every regular file under a directory, as forward-slash paths relative to it, sorted.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface ListedFile {
  readonly name: string;
  readonly size: number;
}

export async function listFiles(root: string): Promise<ListedFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: ListedFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.push({ name: relative(root, full).split(sep).join('/'), size: (await stat(full)).size });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
