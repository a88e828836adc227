// One row of the results table: a figure, what it measured, its target and the verdict. Every
// benchmark returns rows plus its raw series; the table, results.json and the README share them.

/**
 * @typedef {'pass' | 'miss' | 'info'} Verdict
 * @typedef {object} Row
 * @property {string} figure    what was measured, e.g. "download 1 GiB: engine / pipeline"
 * @property {string} measured  the median, with units, e.g. "1.07×"
 * @property {string} target    e.g. "≤ 1.15×", or "" for a figure with no target
 * @property {Verdict} verdict
 * @property {string} [note]
 */

/**
 * @typedef {object} BenchResult
 * @property {string} name      e.g. "download"
 * @property {Row[]} rows
 * @property {Record<string, unknown>} data  raw series and settings for results.json
 */

/**
 * @param {boolean} ok
 * @returns {Verdict}
 */
export const verdict = (ok) => (ok ? 'pass' : 'miss');

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(3)} s`;

/** @param {number} ms */
export const millis = (ms) => `${Math.round(ms)} ms`;

/** @param {number} bytes */
export const mebibytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** @param {number} ratio */
export const times = (ratio) => `${ratio.toFixed(2)}×`;

/**
 * @param {number} bytes
 * @param {number} ms
 */
export const throughput = (bytes, ms) => `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)} MiB/s`;

/** A size as the table names it: "1 GiB", "64 MiB". @param {number} bytes */
export const sizeLabel = (bytes) =>
  bytes % (1024 * 1024 * 1024) === 0
    ? `${bytes / 1024 / 1024 / 1024} GiB`
    : `${Math.round(bytes / 1024 / 1024)} MiB`;
