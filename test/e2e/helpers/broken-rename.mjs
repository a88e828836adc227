// Preloaded into the CLI (NODE_OPTIONS=--import) by the exit-code tests: every rename fails with
// an error no layer of talos-release expects, standing in for a bug deep in the pipeline.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

fsp.rename = async () => {
  throw new TypeError('injected for a test: rename is broken');
};
syncBuiltinESMExports();
