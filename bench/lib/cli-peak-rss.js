// The built CLI as a command whose peak RSS ends up on its stderr: under GNU time when it is
// installed, otherwise with a preloaded probe that reports the process's own ru_maxrss (the same
// kernel counter, read from inside). Either way peakRssFrom() reads the figure.
import { fileURLToPath } from 'node:url';
import { CLI_PATH } from './paths.js';
import { hasGnuTime, withPeakRss } from './peak-rss.js';

const PROBE = fileURLToPath(new URL('./maxrss-probe.js', import.meta.url));

/** Where the peak comes from, for the table's notes. */
export const cliPeakRssSource = () =>
  hasGnuTime() ? 'GNU time (ru_maxrss)' : 'resourceUsage().maxRSS, preloaded';

/**
 * @param {readonly string[]} cliArgs  e.g. ['publish', '0.1.0', '--to', …]
 * @returns {{ command: string, args: string[] }}
 */
export function cliWithPeakRss(cliArgs) {
  if (hasGnuTime()) return withPeakRss(process.execPath, [CLI_PATH, ...cliArgs]);
  return { command: process.execPath, args: ['--import', PROBE, CLI_PATH, ...cliArgs] };
}
