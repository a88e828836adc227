// The download benchmark's table rows from its raw series: medians, ratios taken round by round,
// and the verdicts against the targets.
import { seconds, sizeLabel, throughput, times, verdict } from './rows.js';
import { median, summarize } from './stats.js';

export const MAX_ENGINE_RATIO = 1.15;

/**
 * @param {Record<string, number[]>} series
 * @param {number} size
 * @returns {import('./rows.js').BenchResult}
 */
export function summarizeDownload(series, size) {
  const get = (/** @type {string} */ name) => series[name] ?? [];
  const label = sizeLabel(size);
  const pipeline = median(get('pipeline'));
  const ceiling = median(get('ceiling'));
  // Ratios are taken round by round (neighbouring runs share the machine's load), then the median.
  const ratio = (/** @type {string} */ name) =>
    median(get(name).map((ms, round) => ms / (get('pipeline')[round] ?? Number.NaN)));
  const plainRatio = ratio('engine-plain');
  const progressRatio = ratio('engine-progress');
  const processRatio = ratio('engine-progress-process');
  const listenerCost = median(
    get('engine-progress').map((ms, round) => ms / (get('engine-plain')[round] ?? Number.NaN)),
  );
  const plain = median(get('engine-plain'));
  const withProgress = median(get('engine-progress'));
  const rows = [
    {
      figure: `download ${label}: curl → /dev/null (stand-in ceiling)`,
      measured: `${seconds(ceiling)} (${throughput(size, ceiling)})`,
      target: '< every contender',
      verdict: verdict(ceiling < Math.min(pipeline, plain, withProgress)),
      note: 'the stand-in serves faster than anyone below writes and hashes',
    },
    {
      figure: `download ${label}: curl | tee | openssl (pipeline)`,
      measured: `${seconds(pipeline)} (${throughput(size, pipeline)})`,
      target: '',
      verdict: /** @type {const} */ ('info'),
    },
    {
      figure: `download ${label}: engine, no listener / pipeline`,
      measured: `${times(plainRatio)} (${seconds(plain)}, ${throughput(size, plain)})`,
      target: `≤ ${times(MAX_ENGINE_RATIO)}`,
      verdict: verdict(plainRatio <= MAX_ENGINE_RATIO),
    },
    {
      figure: `download ${label}: engine + wizard progress / pipeline`,
      measured: `${times(progressRatio)} (${seconds(withProgress)}, ${throughput(size, withProgress)})`,
      target: `≤ ${times(MAX_ENGINE_RATIO)}`,
      verdict: verdict(progressRatio <= MAX_ENGINE_RATIO),
      note: `${Math.round(median(get('progress-renders')))} screen updates per download`,
    },
    {
      figure: `download ${label}: engine + wizard progress / engine alone`,
      measured: times(listenerCost),
      target: '',
      verdict: /** @type {const} */ ('info'),
      note: 'what the progress listener costs (1.00× = nothing)',
    },
    {
      figure: `download ${label}: whole engine process / pipeline`,
      measured: times(processRatio),
      target: '',
      verdict: /** @type {const} */ ('info'),
      note: 'spawn to exit, including Node start-up and module loading',
    },
  ];
  return {
    name: 'download',
    rows,
    data: {
      sizeBytes: size,
      unit: 'ms',
      ratios: {
        enginePlain: plainRatio,
        engineProgress: progressRatio,
        engineProcess: processRatio,
      },
      series: Object.fromEntries(
        Object.entries(series).map(([name, values]) => [name, summarize(values)]),
      ),
    },
  };
}
