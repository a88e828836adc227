// The one shape every command's --json gives a failure, as the last line on stdout, so a script
// reads `ok`, `exitCode` and `error.kind` the same way from release, verify, preflight and id.
import { ReleaseError, exitCodeOf } from '../../core/errors.js';

export interface ErrorJson {
  readonly event: 'error';
  readonly ok: false;
  readonly exitCode: number;
  readonly error: {
    readonly kind: string;
    readonly message: string;
    readonly hint: string | undefined;
  };
}

export function errorJson(error: unknown): ErrorJson {
  const known = error instanceof ReleaseError;
  return {
    event: 'error',
    ok: false,
    exitCode: exitCodeOf(error),
    error: {
      kind: known ? error.kind : 'bug',
      message: error instanceof Error ? error.message : String(error),
      hint: known ? error.hint : undefined,
    },
  };
}
