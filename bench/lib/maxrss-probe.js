// Preloaded with `node --import` when GNU time is missing: the CLI reports its own peak RSS
// (process.resourceUsage().maxRSS, the kernel's ru_maxrss in KiB) on stderr as it exits, in the
// same marker GNU time is told to print, so peakRssFrom() reads either.
import { writeSync } from 'node:fs';

process.once('exit', () => {
  // writeSync: the process is exiting, an asynchronous write could be lost.
  writeSync(2, `\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
