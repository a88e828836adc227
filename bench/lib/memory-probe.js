// Preloaded with `node --import` into a process the benchmark does not control (the wizard): it
// samples process.memoryUsage() and writes the peaks to BENCH_MEMORY_REPORT when the process
// exits, so a peak RSS can be split into JavaScript heap and Buffers.
import { writeFileSync } from 'node:fs';
import { sampleMemory } from './memory-sampler.js';

const reportPath = process.env.BENCH_MEMORY_REPORT;
if (reportPath) {
  const sampler = sampleMemory();
  // The sampler's timer must not keep a finished wizard alive.
  sampler.unref();
  process.once('exit', () => {
    writeFileSync(reportPath, `${JSON.stringify(sampler.stop())}\n`);
  });
}
