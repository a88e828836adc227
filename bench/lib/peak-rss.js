// Peak resident memory as the kernel accounts it. GNU time reads the child's rusage (ru_maxrss)
// when it is installed; otherwise the measured process reports its own resourceUsage().maxRSS,
// which is the same kernel counter read from inside.
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
const MARKER = 'BENCH_MAXRSS_KB=';

export const hasGnuTime = () => existsSync(GNU_TIME);

/**
 * Wraps a command so that GNU time appends its peak RSS to stderr (when GNU time exists).
 * @param {string} command
 * @param {readonly string[]} args
 * @returns {{ command: string, args: string[] }}
 */
export function withPeakRss(command, args) {
  if (!hasGnuTime()) return { command, args: [...args] };
  return { command: GNU_TIME, args: ['-f', `${MARKER}%M`, command, ...args] };
}

/**
 * @param {string} stderr
 * @returns {number | undefined} bytes, when GNU time reported it
 */
export function peakRssFrom(stderr) {
  const found = new RegExp(`${MARKER}(\\d+)`).exec(stderr);
  return found ? Number(found[1]) * 1024 : undefined;
}
