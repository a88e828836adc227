// Where a download's resident memory goes: the largest heap, external and ArrayBuffer figures
// seen while it runs. Only the memory benchmark turns it on; the timed runs carry no extra timer.

const INTERVAL_MS = 50;

export function sampleMemory() {
  const peaks = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of /** @type {(keyof typeof peaks)[]} */ (Object.keys(peaks))) {
      peaks[key] = Math.max(peaks[key], usage[key]);
    }
  };
  const timer = setInterval(sample, INTERVAL_MS);
  return {
    unref() {
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
