// How an unexpected registry answer becomes an error: 5xx, 408 and 429 are worth another try
// (the one transient rule in core/http), any other status is the registry refusing, quoted with
// the error code from its JSON body (`{"errors":[{"code","message"}]}`, distribution spec).
import {
  CancelledError,
  errnoCode,
  NetworkError,
  RegistryRefusedError,
  ReleaseError,
} from '../errors.js';
import {
  abortableDelay,
  backoffDelay,
  describeNetworkFailure,
  isTransientConnectionError,
  isTransientStatus,
  throwIfCancelled,
} from '../http/index.js';
import type { Response } from '../http/index.js';

/** A status that may pass with time; retried, then reported as a NetworkError. */
export class TransientAnswer extends Error {
  readonly status: number;
  constructor(what: string, status: number) {
    super(`${what}: HTTP ${status}`);
    this.status = status;
  }
}

export interface RegistryErrorEntry {
  readonly code: string;
  readonly message: string;
}

/** The registry's own error codes, e.g. DIGEST_INVALID, from an error answer's body. */
export function registryErrors(body: Buffer | undefined): RegistryErrorEntry[] {
  if (!body || body.length === 0 || body.length > 64 * 1024) return [];
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { code, message } = entry as Record<string, unknown>;
      return typeof code === 'string'
        ? [{ code, message: typeof message === 'string' ? message : '' }]
        : [];
    });
  } catch {
    return [];
  }
}

export function hasErrorCode(response: Response<Buffer>, ...codes: string[]): boolean {
  return registryErrors(response.body).some((entry) => codes.includes(entry.code));
}

/** Any answer the caller did not expect: transient, or the registry's refusal in its words. */
export function unexpectedAnswer(what: string, host: string, response: Response<Buffer>): Error {
  if (isTransientStatus(response.statusCode)) return new TransientAnswer(what, response.statusCode);
  const said = registryErrors(response.body)
    .map((entry) => `${entry.code}${entry.message ? ` (${entry.message})` : ''}`)
    .join(', ');
  return new RegistryRefusedError(
    `the registry ${host} refused ${what} (HTTP ${response.statusCode})${said ? `: ${said}` : ''}`,
    {
      status: response.statusCode,
      host,
      hint: 'Check the destination (--to) and that the registry supports the OCI distribution API; the registry message above says what it objects to.',
    },
  );
}

export function isRetryable(error: unknown): boolean {
  return error instanceof TransientAnswer || isTransientConnectionError(error);
}

/** A ReleaseError thrown inside got (a body stream that failed) is reported as itself. */
export function ownError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (current instanceof ReleaseError) return current;
    current = current.cause;
  }
  return error;
}

/** A connection failure that no retry cures (no such host, TLS refused): said plainly, once. */
function unreachable(error: unknown, what: string, host: string): unknown {
  if (error instanceof ReleaseError || errnoCode(error) === undefined) return error;
  return new NetworkError(
    `could not reach the registry ${host} for ${what} (${describeNetworkFailure(error)})`,
    {
      hint: `Check the registry host in --to and your network or proxy settings (HTTPS_PROXY, NO_PROXY).`,
      cause: error,
    },
  );
}

export interface RetryBudget {
  readonly retries: number;
  readonly backoffMs: number;
  readonly signal?: AbortSignal | undefined;
}

/** The NetworkError for a registry that stayed unavailable. */
export function unavailable(what: string, host: string, error: unknown): NetworkError {
  const why =
    error instanceof TransientAnswer ? `HTTP ${error.status}` : describeNetworkFailure(error);
  return new NetworkError(`the registry ${host} stayed unavailable for ${what} (${why})`, {
    hint: 'Try again later: blobs already stored are skipped, and an interrupted upload resumes.',
    cause: error,
  });
}

/**
 * Waits before another try after `error`, or throws: CancelledError when cancelled, the error
 * itself when it is not worth retrying, a NetworkError once `failures` passes the budget.
 */
export async function backOffOrThrow(
  error: unknown,
  failures: number,
  budget: RetryBudget,
  what: string,
  host: string,
): Promise<void> {
  throwIfCancelled(budget.signal);
  if (error instanceof CancelledError) throw error;
  if (!isRetryable(error)) throw unreachable(ownError(error), what, host);
  if (failures > budget.retries) throw unavailable(what, host, error);
  await abortableDelay(backoffDelay(failures - 1, budget.backoffMs), budget.signal);
}

/** Runs `attempt` with the registry retry rule. */
export async function withRegistryRetries<T>(
  what: string,
  host: string,
  budget: RetryBudget,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let failures = 1; ; failures += 1) {
    throwIfCancelled(budget.signal);
    try {
      return await attempt();
    } catch (error) {
      await backOffOrThrow(error, failures, budget, what, host);
    }
  }
}
