// Lets every benchmark file run on its own (`node bench/download.js`): the same options, the
// same table, and an exit code that says whether the benchmark itself worked.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readOptions } from './options.js';
import { assertBuilt } from './paths.js';
import { formatTable } from './table.js';

/** @param {string} moduleUrl  import.meta.url of the caller */
export function isMain(moduleUrl) {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
}

/**
 * @param {(options: import('./options.js').BenchOptions) => Promise<import('./rows.js').BenchResult>} run
 */
export async function runAlone(run) {
  try {
    assertBuilt();
    const result = await run(readOptions());
    process.stdout.write(`${formatTable(result.rows)}\n`);
  } catch (error) {
    process.stderr.write(
      `benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
