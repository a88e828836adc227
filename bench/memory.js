// Benchmark 2: peak resident memory of a process that downloads with the engine (the wizard's
// progress listener attached), for the "1 GiB" and the "2 GiB" artifact, alternating. Flat
// memory means the two peaks agree: nothing in the engine may grow with the file.
import { join } from 'node:path';
import { releaseWithYes } from './lib/cli-release.js';
import { engineDownload } from './lib/contenders.js';
import { log } from './lib/log.js';
import { hasGnuTime } from './lib/peak-rss.js';
import { mebibytes, sizeLabel, verdict } from './lib/rows.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';

export const MAX_PEAK_RSS_BYTES = 150 * 1024 * 1024;
export const MAX_GROWTH = 0.1;

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runMemoryBench(options) {
  const sizes = [options.downloadBytes, options.largeBytes];
  const standins = await Promise.all(sizes.map((size) => startStandinProcess(size)));
  /** @type {number[][]} */
  const peaks = sizes.map(() => []);
  /** @type {number[]} */
  const arrayBufferPeaks = [];
  /** @type {number[][]} */
  const cliPeaks = sizes.map(() => []);
  try {
    await withTempDir(options.tmpDir, async (dir) => {
      for (let round = 0; round < options.memoryReps; round += 1) {
        for (const [index, standin] of standins.entries()) {
          log(`memory ${sizeLabel(sizes[index] ?? 0)}: run ${round + 1}/${options.memoryReps}`);
          const run = await engineDownload(standin.isoUrl, join(dir, 'memory.iso'), 'progress', {
            sampleMemory: true,
          });
          if (run.size !== sizes[index]) {
            throw new Error(`the engine wrote ${run.size} bytes, not ${sizes[index]}`);
          }
          peaks[index]?.push(run.maxRssBytes);
          arrayBufferPeaks.push(run.memoryPeaks?.arrayBuffers ?? 0);
          // GNU time is the only outside view of the CLI's peak; without it these rows are left out.
          if (hasGnuTime()) {
            const release = await releaseWithYes(standin.url, dir);
            if (release.maxRssBytes !== undefined) cliPeaks[index]?.push(release.maxRssBytes);
          }
        }
      }
    });
  } finally {
    await Promise.all(standins.map((standin) => standin.close()));
  }
  // The worst run is the figure for the ceiling: a promise about every run, not the typical one.
  // Flatness compares medians, because where the garbage collector runs moves any single peak.
  const [small = 0, large = 0] = peaks.map((values) => Math.max(...values));
  const [smallTypical = 0, largeTypical = 0] = peaks.map((values) => median(values));
  const growth = (largeTypical - smallTypical) / smallTypical;
  const source = hasGnuTime() ? 'GNU time (ru_maxrss)' : 'resourceUsage().maxRSS';
  const rows = sizes.map((size, index) => {
    const peak = index === 0 ? small : large;
    return {
      figure: `peak RSS, engine, ${sizeLabel(size)} download (worst of ${options.memoryReps})`,
      measured: mebibytes(peak),
      target: `< ${mebibytes(MAX_PEAK_RSS_BYTES)}`,
      verdict: verdict(peak < MAX_PEAK_RSS_BYTES),
      note: `${source}, wizard progress attached`,
    };
  });
  for (const [index, values] of cliPeaks.entries()) {
    if (values.length === 0) continue;
    const peak = Math.max(...values);
    rows.push({
      figure: `peak RSS, talos-release --yes, ${sizeLabel(sizes[index] ?? 0)} ISO (worst of ${values.length})`,
      measured: mebibytes(peak),
      target: `< ${mebibytes(MAX_PEAK_RSS_BYTES)}`,
      verdict: verdict(peak < MAX_PEAK_RSS_BYTES),
      note: 'the whole release: submit, download, installer digest, manifest',
    });
  }
  rows.push({
    figure: `peak RSS, engine, ${sizeLabel(sizes[1] ?? 0)} vs ${sizeLabel(sizes[0] ?? 0)} (medians)`,
    measured: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%`,
    target: `within ±${MAX_GROWTH * 100}%`,
    verdict: verdict(Math.abs(growth) <= MAX_GROWTH),
    note: `${mebibytes(smallTypical)} vs ${mebibytes(largeTypical)}; Buffers in flight or awaiting GC peak at ${mebibytes(Math.max(...arrayBufferPeaks))}`,
  });
  return {
    name: 'memory',
    rows,
    data: {
      source,
      unit: 'bytes',
      sizes: sizes.map((size, index) => ({
        sizeBytes: size,
        peakRss: summarize(peaks[index] ?? []),
      })),
      growth,
      arrayBufferPeak: summarize(arrayBufferPeaks),
      cliPeakRss: sizes.map((size, index) => ({
        sizeBytes: size,
        peakRss: cliPeaks[index]?.length ? summarize(cliPeaks[index] ?? []) : null,
      })),
    },
  };
}

if (isMain(import.meta.url)) await runAlone(runMemoryBench);
