// Preloaded into the CLI (NODE_OPTIONS=--import): creating anything under an `artifacts`
// directory fails with EACCES, as it would for a non-root user on a read-only mount. The tests
// run as root in CI, where chmod alone cannot take the permission away.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const realMkdir = fsp.mkdir;
fsp.mkdir = async (path, options) => {
  if (String(path).includes('artifacts')) {
    throw Object.assign(new Error(`EACCES: permission denied, mkdir '${String(path)}'`), {
      code: 'EACCES',
      path: String(path),
    });
  }
  return realMkdir(path, options);
};
syncBuiltinESMExports();
