// Which files a command makes Node load, counted per package, through the resolution hook that
// the start-up benchmark also uses.
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './clean-env.js';
import { runTimed } from './run-timed.js';

const PROBE = fileURLToPath(new URL('./module-probe.js', import.meta.url));
const PREFIX = 'bench-module-probe: ';

/**
 * @param {readonly string[]} nodeArgs  what follows `node` (a script and its arguments)
 * @returns {Promise<{ total: number, byPackage: Array<{ name: string, files: number }> }>}
 */
export async function countLoadedFiles(nodeArgs) {
  const run = await runTimed(process.execPath, ['--import', PROBE, ...nodeArgs], {
    env: cleanEnv(),
  });
  const files = new Set(
    run.stderr
      .split('\n')
      .filter((line) => line.startsWith(`${PREFIX}file:`))
      .map((line) => line.slice(PREFIX.length)),
  );
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const url of files) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? 'the tool itself';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const byPackage = [...counts]
    .map(([name, count]) => ({ name, files: count }))
    .sort((a, b) => b.files - a.files);
  return { total: files.size, byPackage };
}
