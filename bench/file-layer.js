// Experiment (not part of `npm run bench`): the engine as it is against the same engine with an
// injected file layer that writes queued chunks with writev() instead of copying them together,
// at two high-water marks. Alternating rounds; time, peak RSS and the Buffer share of each.
// Evidence for a proposed change in src/core/download/file-handle-writer.ts; the engine is untouched.
import { join } from 'node:path';
import { engineDownload } from './lib/contenders.js';
import { log } from './lib/log.js';
import { mebibytes, seconds, sizeLabel } from './lib/rows.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';

const LAYERS = ['engine', `writev:${1024 * 1024}`, `writev:${256 * 1024}`];

/** @param {string} layer */
const layerLabel = (layer) =>
  layer === 'engine'
    ? "the engine's own (Buffer.concat, 1 MiB)"
    : `writev, ${Number(layer.split(':')[1]) / 1024} KiB high-water mark`;

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runFileLayerExperiment(options) {
  const size = options.downloadBytes;
  const standin = await startStandinProcess(size);
  /** @type {Record<string, { ms: number[], rss: number[], buffers: number[] }>} */
  const series = Object.fromEntries(
    LAYERS.map((layer) => [layer, { ms: [], rss: [], buffers: [] }]),
  );
  try {
    await withTempDir(options.tmpDir, async (dir) => {
      for (let round = 0; round < options.memoryReps; round += 1) {
        log(`file layer: round ${round + 1}/${options.memoryReps}`);
        for (let k = 0; k < LAYERS.length; k += 1) {
          const layer = /** @type {string} */ (LAYERS[(round + k) % LAYERS.length]);
          const run = await engineDownload(standin.isoUrl, join(dir, 'layer.iso'), 'progress', {
            sampleMemory: true,
            fileLayer: layer,
          });
          series[layer]?.ms.push(run.engineMs);
          series[layer]?.rss.push(run.maxRssBytes);
          series[layer]?.buffers.push(run.memoryPeaks?.arrayBuffers ?? 0);
        }
      }
    });
  } finally {
    await standin.close();
  }
  const rows = LAYERS.map((layer) => {
    const { ms = [], rss = [], buffers = [] } = series[layer] ?? {};
    return {
      figure: `file layer, ${sizeLabel(size)}: ${layerLabel(layer)}`,
      measured: `${seconds(median(ms))}, peak RSS ${mebibytes(median(rss))}`,
      target: '',
      verdict: /** @type {const} */ ('info'),
      note: `Buffers ≤ ${mebibytes(median(buffers))} (medians of ${ms.length})`,
    };
  });
  return {
    name: 'file-layer',
    rows,
    data: Object.fromEntries(
      Object.entries(series).map(([layer, values]) => [
        layer,
        {
          ms: summarize(values.ms),
          rss: summarize(values.rss),
          buffers: summarize(values.buffers),
        },
      ]),
    ),
  };
}

if (isMain(import.meta.url)) await runAlone(runFileLayerExperiment);
