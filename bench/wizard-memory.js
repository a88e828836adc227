// Peak RSS of the interactive wizard through a whole release, screen and all: the stand-in serves
// a tiny ISO (what the wizard costs without a download) and the "1 GiB" and "2 GiB" ones.
// GNU time reports the peak of the wizard's process; tmux is the terminal.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './lib/log.js';
import { CLI_PATH } from './lib/paths.js';
import { hasGnuTime, peakRssFrom } from './lib/peak-rss.js';
import { prepareReleaseRoot } from './lib/release-root.js';
import { mebibytes, sizeLabel, verdict } from './lib/rows.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { withTempDir } from './lib/temp-dir.js';
import { privateTmux, quote } from './lib/tmux.js';
import { wizardDriver } from './lib/wizard-driver.js';
import { finishRelease, walkToDownload } from './lib/wizard-walk.js';
import { MAX_PEAK_RSS_BYTES } from './memory.js';

const TINY_ISO = 1024 * 1024;
const MEMORY_PROBE = fileURLToPath(new URL('./lib/memory-probe.js', import.meta.url));

/**
 * @param {ReturnType<typeof privateTmux>} tmux
 * @param {string} factoryUrl
 * @param {string} dir
 * @param {string} session
 */
async function wizardPeakRss(tmux, factoryUrl, dir, session) {
  const root = await prepareReleaseRoot(join(dir, session));
  const report = join(dir, `${session}.rss`);
  const breakdown = join(dir, `${session}.memory.json`);
  const command = ['env', '-u', 'CI', `BENCH_MEMORY_REPORT=${quote(breakdown)}`]
    .concat(['/usr/bin/time', '-f', 'BENCH_MAXRSS_KB=%M', '-o', quote(report)])
    .concat([quote(process.execPath), '--import', quote(MEMORY_PROBE), quote(CLI_PATH)])
    .concat(['--root', quote(root), '--factory-url', quote(factoryUrl)])
    .join(' ');
  await tmux.open(session, command);
  try {
    const wizard = wizardDriver(tmux, session);
    await walkToDownload(wizard);
    await finishRelease(wizard);
  } finally {
    await tmux.close(session);
  }
  const peak = peakRssFrom(await readFile(report, 'utf8'));
  if (peak === undefined) throw new Error(`GNU time wrote no peak RSS for the wizard to ${report}`);
  /** @type {Record<string, number>} */
  const peaks = JSON.parse(await readFile(breakdown, 'utf8'));
  return { peak, peaks };
}

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runWizardMemoryBench(options) {
  if (!hasGnuTime()) {
    throw new Error('/usr/bin/time is missing: install GNU time (apt-get install -y time)');
  }
  const sizes = [TINY_ISO, options.downloadBytes, options.largeBytes];
  const tmux = privateTmux();
  /** @type {Array<{ peak: number, peaks: Record<string, number> }>} */
  const runs = [];
  try {
    await tmux.start();
    await withTempDir(options.tmpDir, async (dir) => {
      for (const [index, size] of sizes.entries()) {
        log(`wizard memory: a release with a ${sizeLabel(size)} ISO`);
        const standin = await startStandinProcess(size);
        try {
          runs.push(await wizardPeakRss(tmux, standin.url, dir, `release-${index}`));
        } finally {
          await standin.close();
        }
      }
    });
  } finally {
    await tmux.stop();
  }
  const rows = sizes.map((size, index) => {
    const peak = runs[index]?.peak ?? 0;
    const split = `heap ≤ ${mebibytes(runs[index]?.peaks.heapUsed ?? 0)}, Buffers ≤ ${mebibytes(runs[index]?.peaks.arrayBuffers ?? 0)}`;
    return index === 0
      ? {
          figure: `peak RSS, wizard, ${sizeLabel(size)} ISO (the screens alone)`,
          measured: mebibytes(peak),
          target: '',
          verdict: /** @type {import('./lib/rows.js').Verdict} */ ('info'),
          note: `Ink, React and the screens, next to no download; ${split}`,
        }
      : {
          figure: `peak RSS, wizard, ${sizeLabel(size)} ISO`,
          measured: mebibytes(peak),
          target: `< ${mebibytes(MAX_PEAK_RSS_BYTES)}`,
          verdict: verdict(peak < MAX_PEAK_RSS_BYTES),
          note: `a whole release through the screens, in tmux; ${split}`,
        };
  });
  return {
    name: 'wizard-memory',
    rows,
    data: {
      unit: 'bytes',
      runs: sizes.map((size, index) => ({
        sizeBytes: size,
        peakRss: runs[index]?.peak,
        memoryUsagePeaks: runs[index]?.peaks,
      })),
    },
  };
}

if (isMain(import.meta.url)) await runAlone(runWizardMemoryBench);
