import { ExitCode } from '../core/errors.js';
import type { FinalStep } from './state/steps.js';

/** What the process exits with once the wizard ends on `step`. */
export function exitCodeFor(step: FinalStep): number {
  switch (step.kind) {
    case 'finished':
    case 'left':
      return ExitCode.ok;
    case 'quit':
      return step.error.exitCode;
    case 'cancelled':
      return ExitCode.cancelled;
  }
}

/** The value the root passes to Ink's exit(), read back by runWizardCommand. */
export interface WizardExit {
  readonly exitCode: number;
  /** Plain text to print once Ink has unmounted (the commands to copy). */
  readonly epilogue: string | undefined;
}
