// The session's parallel download (downloadTargets: a HEAD for every target, the free-space
// check for all of them, then the streams, each hashed, written, fsynced and renamed) in a fresh
// process, as `talos-release --yes` runs it, without the schematic submit and the manifest.
// Usage: multi-download-worker.js <concurrency> <dir> <url>…
// Prints one JSON line: the call's wall time, each target's SHA-256 and size, and the peak RSS.
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHttp } from '../../dist/core/http/index.js';
import { downloadTargets } from '../../dist/core/pipeline/download-targets.js';

const [concurrencyText, dir, ...urls] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
if (!Number.isSafeInteger(concurrency) || concurrency < 1 || !dir || urls.length === 0) {
  process.stderr.write('usage: multi-download-worker.js <concurrency> <dir> <url>…\n');
  process.exit(2);
}

// Only the fields downloadTargets reads: the name, the URL and where the file goes.
const targets = urls.map((url) => {
  const name = basename(new URL(url).pathname);
  return { name, url, localPath: join(dir, name) };
});
const started = performance.now();
// env: {} keeps a proxy in the caller's environment out of a loopback measurement.
const results = await downloadTargets(
  /** @type {import('../../src/core/pipeline/targets-plan.js').PlannedTarget[]} */ (
    /** @type {unknown} */ (targets)
  ),
  { http: createHttp({ env: {} }), concurrency, previous: async () => undefined },
);
const engineMs = performance.now() - started;

process.stdout.write(
  `${JSON.stringify({
    engineMs,
    files: Object.fromEntries(
      [...results].map(([name, result]) => [name, { sha256: result.sha256, size: result.size }]),
    ),
    // resourceUsage reports kilobytes (ru_maxrss): the kernel's figure, not a heap estimate.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
