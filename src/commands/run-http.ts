// The one HTTP layer of a command run: made once here and handed to the factory client, the
// download, the installer resolver and verify's HEAD, so one set of proxy agents and keep-alive
// sockets serves the whole run and every request says which tool version sent it.
import { createHttp } from '../core/http/index.js';
import type { Http } from '../core/http/index.js';

export function createRunHttp(env: NodeJS.ProcessEnv, toolVersion: string): Http {
  return createHttp({ env, userAgent: `talos-release/${toolVersion}` });
}
