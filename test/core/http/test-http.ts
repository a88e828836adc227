// The HTTP layer a test hands to the code under test, as a command would: made once, injected.
// Proxy variables come only from `env` (none by default), never from the machine running tests.
import { createHttp } from '../../../src/core/http/index.js';
import type { Http } from '../../../src/core/http/index.js';

export function testHttp(env: NodeJS.ProcessEnv = {}): Http {
  return createHttp({ env });
}
