// A unified diff (`diff -u` style) of two small texts, every line in one hunk: a schematic is
// tens of lines, so the whole of it is the context a reader wants.
import { diffLines } from './line-diff.js';

/** Empty when the texts are equal. */
export function unifiedDiff(
  before: string,
  after: string,
  fromLabel: string,
  toLabel: string,
): string {
  const lines = diffLines(before, after);
  if (lines.every((line) => line.kind === 'same')) return '';
  const oldCount = lines.filter((line) => line.kind !== 'added').length;
  const newCount = lines.filter((line) => line.kind !== 'removed').length;
  const body = lines.map((line) => `${marks[line.kind]}${line.text}`);
  return [
    `--- ${fromLabel}`,
    `+++ ${toLabel}`,
    `@@ ${range('-', oldCount)} ${range('+', newCount)} @@`,
    ...body,
    '',
  ].join('\n');
}

const marks = { same: ' ', added: '+', removed: '-' } as const;

function range(sign: '-' | '+', count: number): string {
  return `${sign}${count === 0 ? 0 : 1},${count}`;
}
