// Starts the local factory stand-in per test and closes it afterwards; clients get quick
// backoffs so retry tests take milliseconds.
import { afterEach } from 'vitest';
import { createFactoryClient } from '../../../src/core/factory/index.js';
import type { FactoryClientOptions } from '../../../src/core/factory/index.js';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin, StandinOptions } from '../../../src/standin/types.js';
import { testHttp } from '../http/test-http.js';

export function useStandin() {
  const running: RunningStandin[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((standin) => standin.close()));
  });
  return async function start(
    options: StandinOptions = {},
    client: Partial<FactoryClientOptions> = {},
  ) {
    const standin = await startStandin({ imageSize: 1024, ...options });
    running.push(standin);
    return {
      standin,
      client: createFactoryClient({
        http: testHttp(),
        baseUrl: standin.url,
        backoffMs: 1,
        ...client,
      }),
    };
  };
}

/** Resolves with what `promise` rejected with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
