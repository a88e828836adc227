// Benchmark 3: start-up of `talos-release --help` and `--version` against `node -e 0`, run in
// alternation. A separate, untimed run with a module-resolution probe checks that neither path
// loads Ink, React or got, which is what keeps them near the bare runtime.
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './lib/clean-env.js';
import { countLoadedFiles } from './lib/loaded-files.js';
import { log } from './lib/log.js';
import { CLI_PATH } from './lib/paths.js';
import { millis, times, verdict } from './lib/rows.js';
import { runTimedOk } from './lib/run-timed.js';
import { isMain, runAlone } from './lib/standalone.js';
import { median, summarize } from './lib/stats.js';

export const MAX_STARTUP_RATIO = 1.5;
const EMPTY_MODULE = fileURLToPath(new URL('./lib/empty-module.js', import.meta.url));
const HEAVY_PACKAGES = new Set(['ink', 'react', 'react-reconciler', 'yoga-layout', 'got']);

/** @type {Record<string, string[]>} */
const COMMANDS = {
  'node -e 0': ['-e', '0'],
  'node <empty ES module>': [EMPTY_MODULE],
  '--help': [CLI_PATH, '--help'],
  '--version': [CLI_PATH, '--version'],
};

/**
 * Which of the heavy packages a flag makes Node load (none, for a fast start).
 * @param {string} flag
 * @returns {Promise<string[]>}
 */
async function heavyPackagesLoadedBy(flag) {
  const loaded = await countLoadedFiles([CLI_PATH, flag]);
  return loaded.byPackage.map((entry) => entry.name).filter((name) => HEAVY_PACKAGES.has(name));
}

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runStartupBench(options) {
  const env = cleanEnv();
  /** @type {Record<string, number[]>} */
  const series = Object.fromEntries(Object.keys(COMMANDS).map((name) => [name, []]));
  const names = Object.keys(COMMANDS);
  // One untimed pass fills the file cache, so the first timed run is not an outlier.
  for (const name of names) await runTimedOk(name, process.execPath, COMMANDS[name] ?? [], { env });
  log(`start-up: ${options.startupReps} rounds`);
  for (let round = 0; round < options.startupReps; round += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = /** @type {string} */ (names[(round + k) % names.length]);
      const run = await runTimedOk(name, process.execPath, COMMANDS[name] ?? [], { env });
      series[name]?.push(run.ms);
    }
  }
  const bare = median(series['node -e 0'] ?? []);
  /** @type {import('./lib/rows.js').Row[]} */
  const rows = [
    {
      figure: 'start-up: node -e 0 (baseline)',
      measured: millis(bare),
      target: '',
      verdict: /** @type {const} */ ('info'),
    },
    {
      figure: 'start-up: node <empty ES module> / node -e 0',
      measured: `${times(median(series['node <empty ES module>'] ?? []) / bare)}`,
      target: '',
      verdict: /** @type {const} */ ('info'),
      note: "the floor for any ESM tool: Node's module loader alone",
    },
  ];
  /** @type {Record<string, string[]>} */
  const heavy = {};
  for (const flag of ['--help', '--version']) {
    heavy[flag] = await heavyPackagesLoadedBy(flag);
    const ms = median(series[flag] ?? []);
    const ratio = ms / bare;
    const loaded = heavy[flag] ?? [];
    rows.push({
      figure: `start-up: talos-release ${flag} / node -e 0`,
      measured: `${times(ratio)} (${millis(ms)})`,
      target: `≤ ${times(MAX_STARTUP_RATIO)}, no Ink/React/got`,
      verdict: verdict(ratio <= MAX_STARTUP_RATIO && loaded.length === 0),
      note: loaded.length === 0 ? 'loads none of ink, react, got' : `loads ${loaded.join(', ')}`,
    });
  }
  return {
    name: 'startup',
    rows,
    data: {
      unit: 'ms',
      heavyModulesLoaded: heavy,
      series: Object.fromEntries(
        Object.entries(series).map(([name, values]) => [name, summarize(values)]),
      ),
    },
  };
}

if (isMain(import.meta.url)) await runAlone(runStartupBench);
