// How every command shows an error to a person: the message, then what to do next.
import { BUG_REPORT_HINT, ReleaseError, exitCodeOf } from '../core/errors.js';
import type { ExitCode } from '../core/errors.js';
import type { CommandIo } from './io.js';

export function reportError(error: unknown, io: CommandIo): ExitCode {
  if (error instanceof ReleaseError) {
    io.stderr.write(`error: ${error.message}\n`);
    if (error.hint) io.stderr.write(`hint: ${error.hint}\n`);
  } else {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`error: unexpected: ${text}\n`);
    io.stderr.write(`hint: ${BUG_REPORT_HINT}\n`);
  }
  return exitCodeOf(error);
}
