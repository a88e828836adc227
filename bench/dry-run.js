// Benchmark 4: an offline `--dry-run` with an exact Talos version, spawn to exit. The factory URL
// points at a closed loopback port, so a dry run that tried the network would fail, not pass.
import { cleanEnv } from './lib/clean-env.js';
import { log } from './lib/log.js';
import { CLI_PATH } from './lib/paths.js';
import { prepareReleaseRoot } from './lib/release-root.js';
import { millis, verdict } from './lib/rows.js';
import { runTimedOk } from './lib/run-timed.js';
import { isMain, runAlone } from './lib/standalone.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';

export const MAX_DRY_RUN_MS = 500;
const CLOSED_PORT_URL = 'http://127.0.0.1:9';

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runDryRunBench(options) {
  const env = cleanEnv({ TALOS_FACTORY_URL: CLOSED_PORT_URL });
  const runs = await withTempDir(options.tmpDir, async (dir) => {
    const root = await prepareReleaseRoot(dir);
    const args = [CLI_PATH, '--dry-run', '--talos-version', 'v1.12.4', '--app-version', '1.0.0'];
    args.push('--root', root, '--factory-url', CLOSED_PORT_URL);
    await runTimedOk('the dry run (warm-up)', process.execPath, args, { env });
    /** @type {number[]} */
    const times = [];
    log(`dry run: ${options.dryRunReps} runs`);
    for (let run = 0; run < options.dryRunReps; run += 1) {
      times.push((await runTimedOk('the dry run', process.execPath, args, { env })).ms);
    }
    return times;
  });
  const ms = median(runs);
  return {
    name: 'dry-run',
    rows: [
      {
        figure: 'offline --dry-run, exact version',
        measured: millis(ms),
        target: `< ${millis(MAX_DRY_RUN_MS)}`,
        verdict: verdict(ms < MAX_DRY_RUN_MS),
        note: 'spawn to exit; the factory URL is a closed port',
      },
    ],
    data: { unit: 'ms', series: summarize(runs) },
  };
}

if (isMain(import.meta.url)) await runAlone(runDryRunBench);
