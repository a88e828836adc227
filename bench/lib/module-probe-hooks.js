// Module hooks run off the main thread; stderr is written synchronously there so that every
// resolved URL is out before the process exits, however early that is.
import { writeSync } from 'node:fs';

/**
 * @param {string} specifier
 * @param {unknown} context
 * @param {(specifier: string, context: unknown) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  writeSync(2, `bench-module-probe: ${result.url}\n`);
  return result;
}
