// Benchmark 1: download + hash + write of the "1 GiB" artifact from the stand-in over loopback.
// The engine (with and without the wizard's progress listener) races the hand-made pipeline in
// alternating rounds; curl into /dev/null shows what the stand-in can serve at all.
import { join } from 'node:path';
import { curlToNull, engineDownload, handPipeline } from './lib/contenders.js';
import { log } from './lib/log.js';
import { settleDisk } from './lib/settle-disk.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { summarizeDownload } from './lib/download-summary.js';
import { sizeLabel } from './lib/rows.js';
import { withTempDir } from './lib/temp-dir.js';

/**
 * @param {Record<string, number[]>} series
 * @param {Set<string>} hashes
 * @param {string} url
 * @param {string} dir
 * @returns {Array<[string, () => Promise<void>]>}
 */
function contenders(series, hashes, url, dir) {
  /** @param {'plain' | 'progress'} mode */
  const engine = (mode) => async () => {
    const run = await engineDownload(url, join(dir, `engine-${mode}.iso`), mode);
    hashes.add(run.sha256);
    series[`engine-${mode}`]?.push(run.engineMs);
    series[`engine-${mode}-process`]?.push(run.ms);
    series[`engine-${mode}-rss`]?.push(run.maxRssBytes);
    if (mode === 'progress') series['progress-renders']?.push(run.progressRenders);
  };
  return [
    ['ceiling', async () => void series.ceiling?.push((await curlToNull(url)).ms)],
    [
      'pipeline',
      async () => {
        const run = await handPipeline(url, join(dir, 'pipeline.iso'));
        hashes.add(run.sha256);
        series.pipeline?.push(run.ms);
      },
    ],
    ['engine-plain', engine('plain')],
    ['engine-progress', engine('progress')],
  ];
}

/**
 * Each round starts with a different contender, so none always runs first (cold caches) or
 * right after the most expensive one.
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runDownloadBench(options) {
  const size = options.downloadBytes;
  const label = sizeLabel(size);
  const standin = await startStandinProcess(size);
  /** @type {Record<string, number[]>} */
  const series = Object.fromEntries(
    ['ceiling', 'pipeline', 'engine-plain', 'engine-plain-process', 'engine-plain-rss']
      .concat(['engine-progress', 'engine-progress-process', 'engine-progress-rss'])
      .concat(['progress-renders'])
      .map((name) => [name, []]),
  );
  /** @type {Set<string>} */
  const hashes = new Set();
  try {
    await withTempDir(options.tmpDir, async (dir) => {
      const order = contenders(series, hashes, standin.isoUrl, dir);
      log(`download ${label}: warm-up`);
      for (const [, run] of order) {
        await run();
        await settleDisk();
      }
      for (const values of Object.values(series)) values.length = 0;
      for (let round = 0; round < options.downloadReps; round += 1) {
        log(`download ${label}: round ${round + 1}/${options.downloadReps}`);
        for (let k = 0; k < order.length; k += 1) {
          const [, run] = /** @type {[string, () => Promise<void>]} */ (
            order[(round + k) % order.length]
          );
          await run();
          await settleDisk();
        }
      }
    });
  } finally {
    await standin.close();
  }
  if (hashes.size !== 1) {
    throw new Error(
      `the contenders disagree on the SHA-256 of the same bytes: ${[...hashes].join(', ')}`,
    );
  }
  return summarizeDownload(series, size);
}

if (isMain(import.meta.url)) await runAlone(runDownloadBench);
