// The checklist as text. Plain string building, so `verify`, `preflight` and the wizard show the
// same lines; the marks fall back to ASCII where a terminal may not draw ✔ and ✘ (NO_COLOR, pipes).
import { colourDisabled } from '../../core/format/index.js';
import type { CheckResult, CheckStatus } from '../../core/verify/index.js';

export type ChecklistMarks = 'unicode' | 'ascii';

const MARKS: Record<ChecklistMarks, Record<CheckStatus, string>> = {
  unicode: { pass: '✔', fail: '✘', skip: '–' },
  ascii: { pass: 'ok  ', fail: 'FAIL', skip: 'skip' },
};

/** Unicode marks only for a terminal that has not asked for plain output. */
export function marksFor(stdoutIsTty: boolean, env: NodeJS.ProcessEnv): ChecklistMarks {
  return stdoutIsTty && !colourDisabled(env) ? 'unicode' : 'ascii';
}

export function renderCheck(check: CheckResult, marks: ChecklistMarks): string {
  const lines = [`${MARKS[marks][check.status]} ${check.title}`];
  const pad = '     ';
  // A detail may list several items, one per line; each keeps the indentation.
  if (check.detail) lines.push(...check.detail.split('\n').map((line) => `${pad}${line}`));
  if (check.status === 'fail') {
    if (check.expected !== undefined) lines.push(`${pad}expected: ${check.expected}`);
    if (check.actual !== undefined) lines.push(`${pad}found:    ${check.actual}`);
    if (check.fix) lines.push(`${pad}fix: ${check.fix}`);
  }
  return lines.join('\n');
}

export function renderChecklist(checks: readonly CheckResult[], marks: ChecklistMarks): string {
  return `${checks.map((check) => renderCheck(check, marks)).join('\n')}\n`;
}

/** The closing line: how many checks disagreed, or that everything agrees. */
export function checklistSummary(checks: readonly CheckResult[], allGood: string): string {
  const failures = checks.filter((check) => check.status === 'fail').length;
  const skips = checks.filter((check) => check.status === 'skip').length;
  const skipped = skips > 0 ? ` (${skips} skipped)` : '';
  if (failures === 0) return `${allGood}${skipped}\n`;
  return `${failures} of ${checks.length} checks failed${skipped}\n`;
}
