// Where the built tool lives. The benchmarks measure dist/, what operators run, never src/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(BENCH_DIR);
export const DIST_DIR = join(REPO_ROOT, 'dist');
/**
 * The CLI the benchmarks spawn. BENCH_CLI points them at another build of the same tool (a
 * bundled one, say) to measure a proposed change before it lands; the engine benchmarks keep
 * importing dist/.
 */
export const CLI_PATH = process.env.BENCH_CLI || join(DIST_DIR, 'cli.js');
export const RESULTS_PATH = join(BENCH_DIR, 'results.json');
export const README_PATH = join(BENCH_DIR, 'README.md');

/** Fails early, with the fix, instead of a module-not-found deep inside a child process. */
export function assertBuilt() {
  if (process.env.BENCH_CLI && !existsSync(CLI_PATH)) {
    throw new Error(`BENCH_CLI=${CLI_PATH} does not exist; point it at a built cli.js or unset it`);
  }
  for (const file of ['cli.js', 'standin/server.js', 'core/download/index.js']) {
    if (!existsSync(join(DIST_DIR, file))) {
      throw new Error(
        `dist/${file} is missing: the benchmarks run the built tool. Run \`npm run build\` (or \`npm run bench\`, which builds first).`,
      );
    }
  }
}
