// Benchmark 7: four targets of 256 MiB at once. The session's parallel download (all four
// streams, concurrency 4) races four `curl | tee | openssl dgst -sha256` pipelines started
// together, in alternating rounds; four curls into /dev/null show what the stand-in can serve.
import { FOUR_TARGETS, assetUrl } from './lib/multi-targets.js';
import { curlsToNull, engineDownloads, handPipelines } from './lib/multi-contenders.js';
import { log } from './lib/log.js';
import { seconds, sizeLabel, throughput, times, verdict } from './lib/rows.js';
import { settleDisk } from './lib/settle-disk.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';

export const MAX_MULTI_RATIO = 1.0;

/**
 * @param {Record<string, number[]>} series
 * @param {Array<Record<string, string>>} hashes  every contender's asset → SHA-256
 * @param {readonly string[]} urls
 * @param {string} dir
 * @returns {Array<() => Promise<void>>}
 */
function contenders(series, hashes, urls, dir) {
  return [
    async () => void series.ceiling?.push((await curlsToNull(urls)).ms),
    async () => {
      const run = await handPipelines(urls, dir);
      hashes.push(run.hashes);
      series.pipelines?.push(run.ms);
    },
    async () => {
      const run = await engineDownloads(urls, dir);
      hashes.push(run.hashes);
      series.engine?.push(run.engineMs);
      series['engine-process']?.push(run.ms);
      series['engine-rss']?.push(run.maxRssBytes);
    },
  ];
}

/** Every contender must report the same SHA-256 for each asset, and each asset its own. */
function assertHashesAgree(/** @type {Array<Record<string, string>>} */ hashes) {
  const first = hashes[0] ?? {};
  for (const other of hashes) {
    for (const name of FOUR_TARGETS) {
      if (other[name] !== first[name]) {
        throw new Error(
          `the contenders disagree on the SHA-256 of ${name}: ${other[name]} vs ${first[name]}`,
        );
      }
    }
  }
  if (new Set(Object.values(first)).size !== FOUR_TARGETS.length) {
    throw new Error('two targets had the same bytes: the benchmark would not notice a mix-up');
  }
}

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runMultiDownloadBench(options) {
  const size = options.targetBytes;
  const total = size * FOUR_TARGETS.length;
  const label = `${FOUR_TARGETS.length} × ${sizeLabel(size)}`;
  const standin = await startStandinProcess(size);
  const urls = FOUR_TARGETS.map((asset) => assetUrl(standin.isoUrl, asset));
  /** @type {Record<string, number[]>} */
  const series = Object.fromEntries(
    ['ceiling', 'pipelines', 'engine', 'engine-process', 'engine-rss'].map((name) => [name, []]),
  );
  /** @type {Array<Record<string, string>>} */
  const hashes = [];
  try {
    await withTempDir(options.tmpDir, async (dir) => {
      const order = contenders(series, hashes, urls, dir);
      log(`download ${label} at once: warm-up`);
      for (const run of order) {
        await run();
        await settleDisk();
      }
      for (const values of Object.values(series)) values.length = 0;
      // Each round starts with a different contender, so none always runs first.
      for (let round = 0; round < options.downloadReps; round += 1) {
        log(`download ${label} at once: round ${round + 1}/${options.downloadReps}`);
        for (let k = 0; k < order.length; k += 1) {
          await order[(round + k) % order.length]?.();
          await settleDisk();
        }
      }
    });
  } finally {
    await standin.close();
  }
  assertHashesAgree(hashes);
  const get = (/** @type {string} */ name) => series[name] ?? [];
  // Ratios round by round (neighbouring runs share the machine's load), then the median.
  const ratio = (/** @type {string} */ name) =>
    median(get(name).map((ms, round) => ms / (get('pipelines')[round] ?? Number.NaN)));
  const ceiling = median(get('ceiling'));
  const pipelines = median(get('pipelines'));
  const engine = median(get('engine'));
  const engineRatio = ratio('engine');
  const rows = [
    {
      figure: `download ${label} at once: 4 × curl → /dev/null (ceiling)`,
      measured: `${seconds(ceiling)} (${throughput(total, ceiling)})`,
      target: '< every contender',
      verdict: verdict(ceiling < Math.min(pipelines, engine)),
      note: 'the stand-in serves four streams faster than anyone below writes and hashes them',
    },
    {
      figure: `download ${label} at once: 4 × curl | tee | openssl`,
      measured: `${seconds(pipelines)} (${throughput(total, pipelines)})`,
      target: '',
      verdict: /** @type {const} */ ('info'),
      note: 'four pipelines started together; timed until the last ends',
    },
    {
      figure: `download ${label} at once: engine / 4 pipelines`,
      measured: `${times(engineRatio)} (${seconds(engine)}, ${throughput(total, engine)})`,
      target: `≤ ${times(MAX_MULTI_RATIO)}`,
      verdict: verdict(engineRatio <= MAX_MULTI_RATIO),
      note: "the session's downloadTargets, concurrency 4: HEADs, free-space check, 4 streams",
    },
    {
      figure: `download ${label} at once: whole engine process / 4 pipelines`,
      measured: times(ratio('engine-process')),
      target: '',
      verdict: /** @type {const} */ ('info'),
      note: 'spawn to exit, including Node start-up and module loading',
    },
  ];
  return {
    name: 'multi-download',
    rows,
    data: {
      targets: FOUR_TARGETS,
      sizeBytes: size,
      unit: 'ms (engine-rss: bytes)',
      ratios: { engine: engineRatio, engineProcess: ratio('engine-process') },
      series: Object.fromEntries(
        Object.entries(series).map(([name, values]) => [name, summarize(values)]),
      ),
    },
  };
}

if (isMain(import.meta.url)) await runAlone(runMultiDownloadBench);
