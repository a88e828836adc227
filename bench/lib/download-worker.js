// One engine download in a fresh process, so the operating system's peak-RSS accounting covers
// exactly one download of one size.
// Usage: download-worker.js <url> <dest> <plain|progress>.
// Prints one JSON line: the engine call's wall time, the result and this process's peak RSS.
import { performance } from 'node:perf_hooks';
import { downloadArtifact } from '../../dist/core/download/index.js';
import { createHttp } from '../../dist/core/http/index.js';
import { sampleMemory } from './memory-sampler.js';
import { wizardProgress } from './wizard-progress.js';

const [url, dest, mode] = process.argv.slice(2);
if (!url || !dest || (mode !== 'plain' && mode !== 'progress')) {
  process.stderr.write('usage: download-worker.js <url> <dest> <plain|progress>\n');
  process.exit(2);
}

const progress = mode === 'progress' ? wizardProgress() : undefined;
const sampler = process.env.BENCH_SAMPLE_MEMORY === '1' ? sampleMemory() : undefined;
const started = performance.now();
// env: {} keeps a proxy in the caller's environment out of a loopback measurement.
const result = await downloadArtifact({
  url,
  dest,
  http: createHttp({ env: {} }),
  onEvent: progress?.onEvent,
});
const engineMs = performance.now() - started;
progress?.stop();
const memoryPeaks = sampler?.stop();

process.stdout.write(
  `${JSON.stringify({
    engineMs,
    sha256: result.sha256,
    size: result.size,
    // resourceUsage reports kilobytes (ru_maxrss): the kernel's figure, not a heap estimate.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    progressEvents: progress?.stats.events ?? 0,
    progressRenders: progress?.stats.renders ?? 0,
    memoryPeaks,
  })}\n`,
);
