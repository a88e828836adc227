// Puts the latest table into bench/README.md between two markers, so the README always shows
// the figures of one run, on one machine, beside their targets.
import { readFile, writeFile } from 'node:fs/promises';

const START = '<!-- bench-results:start -->';
const END = '<!-- bench-results:end -->';

/**
 * @param {string} path
 * @param {string} block  Markdown that replaces what is between the markers
 * @returns {Promise<boolean>} false when the README has no markers (it is left alone)
 */
export async function replaceResultsBlock(path, block) {
  const text = await readFile(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return false;
  const updated = `${text.slice(0, start + START.length)}\n${block}\n${text.slice(end)}`;
  await writeFile(path, updated, 'utf8');
  return true;
}
