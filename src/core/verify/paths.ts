// Manifest paths are relative to the repository root; an absolute one is taken as written.
import { isAbsolute, join } from 'node:path';

export function resolveInRoot(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}

/** Whether a path made relative to the root still points inside it (not `../…`, not absolute). */
export function isUnderRoot(relativePath: string): boolean {
  return !relativePath.startsWith('../') && !isAbsolute(relativePath);
}
