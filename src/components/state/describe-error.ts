// Turns anything thrown into what the error screen shows, once, so the view never inspects errors.
import { BUG_REPORT_HINT, ExitCode, ReleaseError } from '../../core/errors.js';

export interface ShownError {
  readonly message: string;
  readonly hint: string | undefined;
  readonly exitCode: number;
  /** The error family's category, e.g. `schematic`, `network`. */
  readonly kind: string;
  /** What the failure left behind, when that matters (a written release whose publish failed). */
  readonly outcome?: string | undefined;
}

export function describeError(error: unknown): ShownError {
  if (error instanceof ReleaseError) {
    return { message: error.message, hint: error.hint, exitCode: error.exitCode, kind: error.kind };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected: ${message}`,
    hint: BUG_REPORT_HINT,
    exitCode: ExitCode.bug,
    kind: 'bug',
  };
}

export function isCancellation(error: ShownError): boolean {
  return error.exitCode === ExitCode.cancelled;
}
