// The contenders of the multi-target download benchmark, each fetching every target at once:
// curl into /dev/null (the stand-in's ceiling), one hand-made pipeline per target, and the
// engine's parallel download in its own process. Each returns its wall time and the hashes.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { curlToNull, handPipeline } from './contenders.js';
import { cleanEnv } from './clean-env.js';
import { peakRssFrom, withPeakRss } from './peak-rss.js';
import { runTimedOk } from './run-timed.js';
import { performance } from 'node:perf_hooks';

const WORKER = fileURLToPath(new URL('./multi-download-worker.js', import.meta.url));

/** @typedef {Record<string, string>} HashesByAsset  asset name → SHA-256 */

/**
 * Starts every run at once and times until the last one ends.
 * @template T
 * @param {readonly string[]} urls
 * @param {(url: string) => Promise<T>} one
 */
async function allAtOnce(urls, one) {
  const started = performance.now();
  const runs = await Promise.all(urls.map(one));
  return { ms: performance.now() - started, runs };
}

const assetOf = (/** @type {string} */ url) => url.slice(url.lastIndexOf('/') + 1);

/** @param {readonly string[]} urls */
export async function curlsToNull(urls) {
  return { ms: (await allAtOnce(urls, curlToNull)).ms };
}

/**
 * One `curl | tee | openssl dgst -sha256` per target, all started together.
 * @param {readonly string[]} urls
 * @param {string} dir
 * @returns {Promise<{ ms: number, hashes: HashesByAsset }>}
 */
export async function handPipelines(urls, dir) {
  const { ms, runs } = await allAtOnce(urls, (url) =>
    handPipeline(url, join(dir, `pipeline-${assetOf(url)}`)),
  );
  return {
    ms,
    hashes: Object.fromEntries(urls.map((url, i) => [assetOf(url), runs[i]?.sha256 ?? ''])),
  };
}

/**
 * @param {readonly string[]} urls
 * @param {string} dir  a scratch directory; the files are removed afterwards
 * @returns {Promise<{ ms: number, engineMs: number, hashes: HashesByAsset, sizes: Record<string, number>, maxRssBytes: number }>}
 */
export async function engineDownloads(urls, dir) {
  const target = join(dir, 'engine');
  await mkdir(target, { recursive: true });
  try {
    const { command, args } = withPeakRss(process.execPath, [
      WORKER,
      String(urls.length),
      target,
      ...urls,
    ]);
    const run = await runTimedOk('the engine (parallel targets)', command, args, {
      env: cleanEnv(),
    });
    const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
    /** @type {Record<string, { sha256: string, size: number }>} */
    const files = report.files ?? {};
    return {
      ms: run.ms,
      engineMs: report.engineMs,
      hashes: Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.sha256])),
      sizes: Object.fromEntries(Object.entries(files).map(([name, f]) => [name, f.size])),
      maxRssBytes: peakRssFrom(run.stderr) ?? report.maxRssBytes,
    };
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}
