// The error family every layer throws and the one exit point maps to an exit code.
// Each error carries a hint: what the operator can do next.

/** Exit codes, documented in the README and in --help. */
export const ExitCode = {
  ok: 0,
  bug: 1,
  badInput: 2,
  factoryRefused: 3,
  unavailable: 4,
  integrity: 5,
  disk: 6,
  cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface ErrorDetails {
  readonly hint?: string | undefined;
  readonly cause?: unknown;
}

export abstract class ReleaseError extends Error {
  abstract readonly exitCode: ExitCode;
  /** A short, stable category name for --json output and the error view. */
  abstract readonly kind: string;
  readonly hint: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.hint = details.hint;
  }
}

/** Bad flags, a bad schematic or manifest, a release that already exists. */
export class UserInputError extends ReleaseError {
  readonly exitCode = ExitCode.badInput;
  readonly kind: string = 'input';
}

/** Where in a file a problem is, 1-based, for messages such as `schematic.yaml:4:7`. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A schematic the factory would reject (or that the tool refuses), with its place in the file. */
export class SchematicError extends UserInputError {
  override readonly kind = 'schematic';
  readonly location: SourceLocation | undefined;
  /** The path inside the document, e.g. `customization.meta[0].key`. */
  readonly path: string | undefined;

  constructor(
    message: string,
    details: ErrorDetails & { location?: SourceLocation; path?: string } = {},
  ) {
    const where = details.location
      ? `${details.location.file}:${details.location.line}:${details.location.column}: `
      : '';
    super(`${where}${message}`, details);
    this.location = details.location;
    this.path = details.path;
  }
}

/** The factory answered 4xx: it understood the request and refused it. */
export class FactoryRefusedError extends ReleaseError {
  readonly exitCode = ExitCode.factoryRefused;
  readonly kind = 'factory';
  readonly status: number;
  /** The factory's own message (plain-text body), trimmed. */
  readonly factoryMessage: string;
  readonly url: string;

  constructor(
    message: string,
    details: ErrorDetails & { status: number; factoryMessage: string; url: string },
  ) {
    super(message, details);
    this.status = details.status;
    this.factoryMessage = details.factoryMessage;
    this.url = details.url;
  }
}

/**
 * A registry we publish to refused: wrong or missing credentials (401/403 after answering its
 * challenge), or a request it will not take. The hint names the Docker config file and
 * `docker login <host>`, never a secret.
 */
export class RegistryRefusedError extends ReleaseError {
  readonly exitCode = ExitCode.factoryRefused;
  readonly kind = 'registry';
  readonly status: number;
  /** The registry's host:port. */
  readonly host: string;

  constructor(message: string, details: ErrorDetails & { status: number; host: string }) {
    super(message, details);
    this.status = details.status;
    this.host = details.host;
  }
}

/** The network or the factory stayed unavailable after bounded retries (5xx, resets, timeouts). */
export class NetworkError extends ReleaseError {
  readonly exitCode = ExitCode.unavailable;
  readonly kind = 'network';
}

/** Something does not match what it must: schematic IDs, sizes, hashes, a verify check. */
export class IntegrityError extends ReleaseError {
  readonly exitCode = ExitCode.integrity;
  readonly kind = 'integrity';
}

/** The local file system refused: no space, no permission. */
export class DiskError extends ReleaseError {
  readonly exitCode = ExitCode.disk;
  readonly kind = 'disk';
}

/** The operator cancelled (Ctrl-C, SIGINT, an aborted signal). */
export class CancelledError extends ReleaseError {
  readonly exitCode = ExitCode.cancelled;
  readonly kind = 'cancelled';
  constructor(message = 'cancelled', details: ErrorDetails = {}) {
    super(message, details);
  }
}

export const BUG_REPORT_HINT =
  'This is a bug in talos-release. Please report it with the command you ran and this output.';

/** Maps anything thrown to an exit code; unknown errors are bugs. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof ReleaseError ? error.exitCode : ExitCode.bug;
}

/** The `code` of a Node system error (`ENOENT`, `EACCES`, …), or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = (error as { readonly code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The message of anything thrown, for the places that quote it. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
