// The shape both `verify` and `preflight` report in: one line per check, so an operator sees
// every disagreement at once instead of stopping at the first.
import { ExitCode } from '../errors.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** A stable identifier for --json consumers, e.g. `iso-sha256`. */
  readonly id: string;
  /** What was checked, as a person reads it: `ISO SHA-256 matches os.iso.sha256`. */
  readonly title: string;
  readonly status: CheckStatus;
  /** What was found (pass), why it failed, or why it was skipped; one line per item. */
  readonly detail?: string | undefined;
  /** On a disagreement: the value the record (or the derivation) says it must be... */
  readonly expected?: string | undefined;
  /** ...and the value actually found. */
  readonly actual?: string | undefined;
  /** What to do about a failure. */
  readonly fix?: string | undefined;
  /** The exit code this failure stands for; only meaningful when status is 'fail'. */
  readonly exitCode?: ExitCode | undefined;
}

export function passed(id: string, title: string, detail?: string): CheckResult {
  return { id, title, status: 'pass', detail };
}

export function skipped(id: string, title: string, why: string): CheckResult {
  return { id, title, status: 'skip', detail: why };
}

export function failed(
  id: string,
  title: string,
  failure: {
    readonly detail?: string | undefined;
    readonly expected?: string | undefined;
    readonly actual?: string | undefined;
    readonly fix?: string | undefined;
    readonly exitCode: ExitCode;
  },
): CheckResult {
  return { id, title, status: 'fail', ...failure };
}

/**
 * 0 when nothing failed; otherwise the highest exit code among the failures. The codes grow with
 * how far the fix is from the operator's flags (2 input, 3 refused, 4 unavailable, 5 integrity,
 * 6 disk), and a bug (1) never hides a real failure.
 */
export function checklistExitCode(checks: readonly CheckResult[]): ExitCode {
  let code: ExitCode = ExitCode.ok;
  for (const check of checks) {
    if (check.status !== 'fail') continue;
    const candidate = check.exitCode ?? ExitCode.bug;
    if (code === ExitCode.ok || (candidate > code && candidate !== ExitCode.cancelled)) {
      code = candidate;
    }
  }
  return code;
}
