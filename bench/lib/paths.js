// Where the built tool lives. The benchmarks measure dist/, what operators run, never src/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(BENCH_DIR);
export const DIST_DIR = join(REPO_ROOT, 'dist');
export const CLI_PATH = join(DIST_DIR, 'cli.js');
export const RESULTS_PATH = join(BENCH_DIR, 'results.json');
export const README_PATH = join(BENCH_DIR, 'README.md');

/** Fails early, with the fix, instead of a module-not-found deep inside a child process. */
export function assertBuilt() {
  for (const file of ['cli.js', 'standin/server.js', 'core/download/index.js']) {
    if (!existsSync(join(DIST_DIR, file))) {
      throw new Error(
        `dist/${file} is missing: the benchmarks run the built tool. Run \`npm run build\` (or \`npm run bench\`, which builds first).`,
      );
    }
  }
}
