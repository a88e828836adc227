// Progress of the benchmark itself goes to stderr, so stdout carries only the table.

/** @param {string} message */
export function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}
