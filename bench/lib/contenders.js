// The three ways of fetching the same artifact that the download benchmark races: curl into
// /dev/null (the stand-in's ceiling), the hand-made pipeline, and the engine in its own process.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './clean-env.js';
import { peakRssFrom, withPeakRss } from './peak-rss.js';
import { runTimedOk } from './run-timed.js';

const WORKER = fileURLToPath(new URL('./download-worker.js', import.meta.url));
const env = cleanEnv();

/** @param {string} url */
export async function curlToNull(url) {
  const run = await runTimedOk('curl to /dev/null', 'curl', ['-s', '-o', '/dev/null', url], {
    env,
  });
  return { ms: run.ms };
}

/**
 * `curl -s URL | tee FILE | openssl dgst -sha256`, exactly as the issue writes it; pipefail
 * so that a failed curl is an error rather than the hash of nothing.
 * @param {string} url
 * @param {string} file
 */
export async function handPipeline(url, file) {
  const script = 'set -o pipefail; curl -s "$1" | tee "$2" | openssl dgst -sha256';
  const run = await runTimedOk(
    'the curl | tee | openssl pipeline',
    'bash',
    ['-c', script, 'pipeline', url, file],
    { env },
  );
  await rm(file, { force: true });
  const sha256 = /([0-9a-f]{64})\s*$/.exec(run.stdout)?.[1];
  if (!sha256) throw new Error(`openssl printed no SHA-256: ${run.stdout.trim()}`);
  return { ms: run.ms, sha256 };
}

/**
 * @typedef {object} EngineRun
 * @property {number} ms           the whole process, spawn to exit (includes Node start-up)
 * @property {number} engineMs     the downloadArtifact call alone
 * @property {string} sha256
 * @property {number} size
 * @property {number} maxRssBytes  GNU time's figure when installed, else the worker's own
 * @property {number} selfMaxRssBytes
 * @property {number} progressRenders
 * @property {Record<string, number> | undefined} memoryPeaks  process.memoryUsage() maxima, when sampled
 */

/**
 * @param {string} url
 * @param {string} dest
 * @param {'plain' | 'progress'} mode
 * @param {{ sampleMemory?: boolean }} [options]
 * @returns {Promise<EngineRun>}
 */
export async function engineDownload(url, dest, mode, options = {}) {
  const { command, args } = withPeakRss(process.execPath, [WORKER, url, dest, mode]);
  const run = await runTimedOk(`the engine (${mode})`, command, args, {
    env: options.sampleMemory ? { ...env, BENCH_SAMPLE_MEMORY: '1' } : env,
  });
  await rm(dest, { force: true });
  const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
  return {
    ms: run.ms,
    engineMs: report.engineMs,
    sha256: report.sha256,
    size: report.size,
    maxRssBytes: peakRssFrom(run.stderr) ?? report.maxRssBytes,
    selfMaxRssBytes: report.maxRssBytes,
    progressRenders: report.progressRenders,
    memoryPeaks: report.memoryPeaks,
  };
}
