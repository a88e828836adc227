// The results as a Markdown table: readable in a terminal and pasted as-is into bench/README.md.

/** @typedef {import('./rows.js').Row} Row */

const VERDICT_TEXT = { pass: 'pass', miss: '**miss**', info: '' };

/** @param {string} text */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * @param {readonly Row[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
  const header = ['figure', 'measured', 'target', 'verdict', 'note'];
  const body = rows.map((row) => [
    row.figure,
    row.measured,
    row.target,
    VERDICT_TEXT[row.verdict],
    row.note ?? '',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((line) => cell(line[column] ?? '').length)),
  );
  /** @param {readonly string[]} line */
  const format = (line) =>
    `| ${line.map((text, column) => cell(text).padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [
    format(header),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...body.map(format),
  ].join('\n');
}
