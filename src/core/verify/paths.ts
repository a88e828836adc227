// Manifest paths are relative to the repository root; an absolute one is taken as written.
import { isAbsolute, join } from 'node:path';

export function resolveInRoot(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}
