// Benchmark 5: the wizard's first screen. The built CLI starts in a real terminal (tmux) against
// the stand-in; the clock stops when the Talos version list is on screen.
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log } from './lib/log.js';
import { CLI_PATH, DIST_DIR } from './lib/paths.js';
import { runTimedOk } from './lib/run-timed.js';
import { prepareReleaseRoot } from './lib/release-root.js';
import { millis, verdict } from './lib/rows.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';
import { pollPause, privateTmux, quote, TMUX } from './lib/tmux.js';

export const MAX_FIRST_SCREEN_MS = 1000;
/** A version row of the list, e.g. "› v1.13.9   recommended …". */
const VERSION_LIST = /v\d+\.\d+\.\d+\s+recommended/;
const GIVE_UP_MS = 30_000;
const IMPORT_ONLY = [
  '--input-type=module',
  '-e',
  `await import(${JSON.stringify(pathToFileURL(join(DIST_DIR, 'components', 'run-wizard.js')).href)})`,
];

/**
 * @param {ReturnType<typeof privateTmux>} tmux
 * @param {string} name
 * @param {string} command
 */
async function timeFirstScreen(tmux, name, command) {
  const started = performance.now();
  await tmux.open(name, command);
  try {
    for (;;) {
      const screen = await tmux.screen(name);
      if (VERSION_LIST.test(screen)) return performance.now() - started;
      if (performance.now() - started > GIVE_UP_MS) {
        throw new Error(
          `the wizard showed no version list within ${GIVE_UP_MS} ms. Screen:\n${screen}`,
        );
      }
      await pollPause();
    }
  } finally {
    await tmux.close(name);
  }
}

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runWizardBench(options) {
  if (!existsSync(TMUX))
    throw new Error(`${TMUX} is missing: install tmux (apt-get install -y tmux)`);
  const standin = await startStandinProcess(1024 * 1024);
  const tmux = privateTmux();
  try {
    await tmux.start();
    const { screens, imports } = await withTempDir(options.tmpDir, async (dir) => {
      const root = await prepareReleaseRoot(dir);
      const command = ['env', '-u', 'CI', quote(process.execPath), quote(CLI_PATH)]
        .concat(['--root', quote(root), '--factory-url', quote(standin.url)])
        .join(' ');
      await timeFirstScreen(tmux, 'warm-up', command);
      /** @type {number[]} */
      const screenTimes = [];
      /** @type {number[]} */
      const importTimes = [];
      log(`wizard first screen: ${options.wizardReps} runs`);
      for (let run = 0; run < options.wizardReps; run += 1) {
        screenTimes.push(await timeFirstScreen(tmux, `run-${run}`, command));
        // Alternating with the screens: how much of them is Node plus the wizard's modules.
        importTimes.push(
          (await runTimedOk('importing the wizard', process.execPath, IMPORT_ONLY)).ms,
        );
      }
      return { screens: screenTimes, imports: importTimes };
    });
    const ms = median(screens);
    const importMs = median(imports);
    return {
      name: 'wizard',
      rows: [
        {
          figure: 'wizard: start to version list on screen',
          measured: millis(ms),
          target: `< ${millis(MAX_FIRST_SCREEN_MS)}`,
          verdict: verdict(ms < MAX_FIRST_SCREEN_MS),
          note: 'tmux, stand-in on loopback',
        },
        {
          figure: 'wizard: importing the unbundled modules',
          measured: millis(importMs),
          target: '',
          verdict: /** @type {const} */ ('info'),
          note: 'node -e "await import(run-wizard.js)", spawn to exit',
        },
      ],
      data: { unit: 'ms', series: summarize(screens), importOnly: summarize(imports) },
    };
  } finally {
    await tmux.stop();
    await standin.close();
  }
}

if (isMain(import.meta.url)) await runAlone(runWizardBench);
