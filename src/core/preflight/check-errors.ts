// A thrown ReleaseError becomes a failed check line carrying the error's own exit code, so the
// checklist's exit code is the one the release itself would have ended with.
import { CancelledError, ExitCode, ReleaseError } from '../errors.js';
import { failed } from '../verify/index.js';
import type { CheckResult } from '../verify/index.js';

export function failureFrom(id: string, title: string, error: unknown): CheckResult {
  if (error instanceof CancelledError) throw error;
  if (!(error instanceof ReleaseError)) throw error;
  return failed(id, title, {
    detail: error.message,
    fix: error.hint,
    exitCode: error.exitCode === ExitCode.ok ? ExitCode.bug : error.exitCode,
  });
}
