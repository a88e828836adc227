import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/core/errors.js';
import {
  checklistSummary,
  marksFor,
  renderChecklist,
} from '../../../src/commands/presenters/checklist.js';
import { checklistExitCode, failed, passed, skipped } from '../../../src/core/verify/index.js';

const fail = (exitCode: ExitCode) => failed(`f${exitCode}`, `check ${exitCode}`, { exitCode });

describe('checklistExitCode', () => {
  it('is 0 when nothing failed, skips included', () => {
    expect(checklistExitCode([passed('a', 'A'), skipped('b', 'B', 'not needed')])).toBe(
      ExitCode.ok,
    );
  });

  it.each([
    [[ExitCode.badInput, ExitCode.unavailable], ExitCode.unavailable],
    [[ExitCode.integrity, ExitCode.badInput], ExitCode.integrity],
    [[ExitCode.factoryRefused, ExitCode.disk, ExitCode.unavailable], ExitCode.disk],
    [[ExitCode.bug, ExitCode.badInput], ExitCode.badInput],
  ])('picks the most serious failure of %j', (codes, expected) => {
    expect(checklistExitCode([passed('ok', 'fine'), ...codes.map(fail)])).toBe(expected);
  });

  it('treats a failure without a code as a bug rather than a pass', () => {
    expect(checklistExitCode([{ id: 'x', title: 'X', status: 'fail' }])).toBe(ExitCode.bug);
  });
});

describe('checklistExitCode over arbitrary checklists', () => {
  const codes = [
    ExitCode.bug,
    ExitCode.badInput,
    ExitCode.factoryRefused,
    ExitCode.unavailable,
    ExitCode.integrity,
    ExitCode.disk,
  ];
  const check = fc.oneof(
    fc.constant(passed('p', 'passes')),
    fc.constant(skipped('s', 'skipped', 'why')),
    fc.constantFrom(...codes).map((code) => fail(code)),
  );

  it('is 0 exactly when nothing failed, else one of the failures, at least as serious as any real one', () => {
    fc.assert(
      fc.property(fc.array(check, { maxLength: 12 }), (checks) => {
        const result = checklistExitCode(checks);
        const failures = checks
          .filter((c) => c.status === 'fail')
          .map((c) => c.exitCode ?? ExitCode.bug);
        if (failures.length === 0) return result === ExitCode.ok;
        const real = failures.filter((code) => code !== ExitCode.bug);
        return failures.includes(result) && real.every((code) => code <= result);
      }),
    );
  });
});

describe('renderChecklist', () => {
  const checks = [
    passed('hash', 'ISO SHA-256 matches', 'abc'),
    failed('size', 'ISO size matches', {
      expected: '10 bytes',
      actual: '9 bytes',
      fix: 'download it again',
      exitCode: ExitCode.integrity,
    }),
    skipped('online', 'factory agrees', 'offline'),
  ];

  it('shows every check on its own line, and both values and the fix under a failure', () => {
    const text = renderChecklist(checks, 'ascii');
    expect(text.split('\n').filter((line) => /^(ok|FAIL|skip)/.test(line))).toHaveLength(3);
    expect(text).toMatch(
      /^FAIL ISO size matches\n\s+expected: 10 bytes\n\s+found: +9 bytes\n\s+fix: download it again$/m,
    );
    expect(text).not.toContain('✔');
  });

  it('indents every line of a detail that lists several items', () => {
    const text = renderChecklist(
      [
        failed('x', 'extensions', {
          detail: 'a: missing\nb: missing',
          exitCode: ExitCode.badInput,
        }),
      ],
      'ascii',
    );
    expect(text).toMatch(/^FAIL extensions\n {5}a: missing\n {5}b: missing$/m);
  });

  it('uses ✔ and ✘ only for a terminal that did not ask for plain output', () => {
    expect(marksFor(true, {})).toBe('unicode');
    expect(marksFor(false, {})).toBe('ascii');
    expect(marksFor(true, { NO_COLOR: '1' })).toBe('ascii');
    expect(renderChecklist(checks, 'unicode')).toMatch(/^✘ ISO size matches/m);
  });

  it('closes with the number of failures, or the all-good line', () => {
    expect(checklistSummary(checks, 'all good')).toBe('1 of 3 checks failed (1 skipped)\n');
    expect(checklistSummary([passed('a', 'A')], 'all good')).toBe('all good\n');
  });
});
