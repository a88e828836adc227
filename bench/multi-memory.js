// Benchmark 8: peak resident memory of a four-target release, 4 × 512 MiB against 4 × 256 MiB,
// alternating. Four streams at once must not cost four times one: the ceiling is 200 MiB, and
// doubling every file must not move the peak by more than 10 %.
// Each round measures the whole `talos-release --yes` (GNU time, when installed) and the
// session's parallel download alone in a process of its own (its own ru_maxrss otherwise).
import { releaseWithYes } from './lib/cli-release.js';
import { log } from './lib/log.js';
import { engineDownloads } from './lib/multi-contenders.js';
import { assetUrl, FOUR_TARGETS, targetFlags } from './lib/multi-targets.js';
import { hasGnuTime } from './lib/peak-rss.js';
import { mebibytes, sizeLabel, verdict } from './lib/rows.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';

export const MAX_MULTI_PEAK_RSS_BYTES = 200 * 1024 * 1024;
export const MAX_MULTI_GROWTH = 0.1;

/** Every target streams at once: the most memory the default set of four can take. */
const FLAGS = [...targetFlags(FOUR_TARGETS), '--concurrency', String(FOUR_TARGETS.length)];

/**
 * Ceiling rows (worst run) and the flatness row (medians) for one kind of process.
 * @param {string} what  e.g. "talos-release --yes"
 * @param {readonly number[]} sizes
 * @param {readonly number[][]} peaks  per size, every run
 * @param {string} note
 * @returns {import('./lib/rows.js').Row[]}
 */
function memoryRows(what, sizes, peaks, note) {
  const label = (/** @type {number} */ i) => `${FOUR_TARGETS.length} × ${sizeLabel(sizes[i] ?? 0)}`;
  const rows = sizes.map((_, index) => {
    const values = peaks[index] ?? [];
    const worst = Math.max(...values);
    return {
      figure: `peak RSS, ${what}, ${label(index)} (worst of ${values.length})`,
      measured: mebibytes(worst),
      target: `≤ ${mebibytes(MAX_MULTI_PEAK_RSS_BYTES)}`,
      verdict: verdict(worst <= MAX_MULTI_PEAK_RSS_BYTES),
      note,
    };
  });
  const [small = 0, large = 0] = peaks.map((values) => median(values));
  const growth = (large - small) / small;
  rows.push({
    figure: `peak RSS, ${what}, ${label(1)} vs ${label(0)} (medians)`,
    measured: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%`,
    target: `within ±${MAX_MULTI_GROWTH * 100}%`,
    verdict: verdict(Math.abs(growth) <= MAX_MULTI_GROWTH),
    note: `${mebibytes(small)} vs ${mebibytes(large)}`,
  });
  return rows;
}

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runMultiMemoryBench(options) {
  const sizes = [options.targetBytes, options.largeTargetBytes];
  const standins = await Promise.all(sizes.map((size) => startStandinProcess(size)));
  /** @type {number[][]} */
  const enginePeaks = sizes.map(() => []);
  /** @type {number[][]} */
  const releasePeaks = sizes.map(() => []);
  try {
    await withTempDir(options.tmpDir, async (dir) => {
      for (let round = 0; round < options.memoryReps; round += 1) {
        for (const [index, standin] of standins.entries()) {
          const size = sizes[index] ?? 0;
          log(
            `memory ${FOUR_TARGETS.length} × ${sizeLabel(size)}: run ${round + 1}/${options.memoryReps}`,
          );
          const urls = FOUR_TARGETS.map((asset) => assetUrl(standin.isoUrl, asset));
          const run = await engineDownloads(urls, dir);
          for (const [name, written] of Object.entries(run.sizes)) {
            if (written !== size)
              throw new Error(`the engine wrote ${written} bytes of ${name}, not ${size}`);
          }
          enginePeaks[index]?.push(run.maxRssBytes);
          // GNU time is the only outside view of the CLI's peak; without it these rows are left out.
          if (hasGnuTime()) {
            const release = await releaseWithYes(standin.url, dir, FLAGS);
            if (release.maxRssBytes !== undefined) releasePeaks[index]?.push(release.maxRssBytes);
          }
        }
      }
    });
  } finally {
    await Promise.all(standins.map((standin) => standin.close()));
  }
  const source = hasGnuTime() ? 'GNU time (ru_maxrss)' : 'resourceUsage().maxRSS';
  const rows = [];
  if (releasePeaks.every((values) => values.length > 0)) {
    rows.push(
      ...memoryRows(
        'talos-release --yes',
        sizes,
        releasePeaks,
        `${FOUR_TARGETS.length} --target, --concurrency ${FOUR_TARGETS.length}: the whole release`,
      ),
    );
  }
  rows.push(
    ...memoryRows(
      'parallel download',
      sizes,
      enginePeaks,
      `${source}; the session's downloadTargets alone, 4 streams`,
    ),
  );
  return {
    name: 'multi-memory',
    rows,
    data: {
      source,
      unit: 'bytes',
      targets: FOUR_TARGETS,
      sizes: sizes.map((size, index) => ({
        sizeBytesPerTarget: size,
        release: releasePeaks[index]?.length ? summarize(releasePeaks[index] ?? []) : null,
        download: summarize(enginePeaks[index] ?? []),
      })),
    },
  };
}

if (isMain(import.meta.url)) await runAlone(runMultiMemoryBench);
