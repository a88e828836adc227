// One request to the factory with the run's policy: an overall deadline per call (retries
// included), bounded retries with backoff for transient failures (never for other 4xx), a cap on
// the body, notices while it waits, cancellation, and errors that say what to do.
import { RequestError } from '../http/index.js';
import { CancelledError, NetworkError, ReleaseError } from '../errors.js';
import {
  isTransientConnectionError,
  isTransientStatus,
  refusalError,
  requestApi,
  withRetries,
} from '../http/index.js';
import type { ApiAnswer, Http, WaitingEvent } from '../http/index.js';

export interface TransportOptions {
  readonly baseUrl: string;
  readonly http: Http;
  /** Per attempt, headers and body together. */
  readonly timeoutMs: number;
  /** For the whole call, every attempt and backoff included. */
  readonly deadlineMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly maxBodyBytes?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onWaiting?: ((event: WaitingEvent) => void) | undefined;
  readonly waitingNoticeMs?: number | undefined;
}

export interface FactoryRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, e.g. `/versions?broken=true`. */
  readonly route: string;
  readonly body?: string;
  readonly contentType?: string;
}

export type FactoryAnswer = ApiAnswer;

/** A transient status: worth another try, and reported with the factory's words when retries run out. */
class UnavailableAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`status ${status}`);
  }
}

/** The call's deadline passed: no further attempt fits, whatever the last failure was. */
class DeadlinePassed extends Error {}

function isTransient(error: unknown): boolean {
  return error instanceof UnavailableAnswer || isTransientConnectionError(error);
}

function describeFailure(error: unknown, deadlineMs: number): string {
  if (error instanceof UnavailableAnswer) {
    const said = error.body.trim().slice(0, 200);
    return `answered ${error.status}${said ? ` (${said})` : ''}`;
  }
  if (error instanceof DeadlinePassed)
    return `got no complete answer within ${Math.round(deadlineMs / 1000)} s`;
  if (error instanceof RequestError) return `failed: ${error.code} ${error.message}`;
  return `failed: ${String(error)}`;
}

const NETWORK_HINT =
  'Check the factory URL (--factory-url / TALOS_FACTORY_URL) and proxy settings (HTTPS_PROXY, NO_PROXY), or try again later.';

/** A TLS failure is usually a corporate proxy that re-signs traffic, not an outage. */
function hintFor(error: unknown): string {
  const code = error instanceof RequestError ? error.code : '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)) {
    return 'The TLS certificate was not trusted. If a proxy re-signs HTTPS, point NODE_EXTRA_CA_CERTS at its CA certificate.';
  }
  return NETWORK_HINT;
}

export function createTransport(options: TransportOptions) {
  return async function send(request: FactoryRequest): Promise<FactoryAnswer> {
    const url = `${options.baseUrl}${request.route}`;
    const endsAt = Date.now() + options.deadlineMs;
    let attempts = 0;
    try {
      return await withRetries(
        async () => {
          const left = endsAt - Date.now();
          if (left <= 0) throw new DeadlinePassed();
          attempts += 1;
          const answer = await requestApi(options.http, {
            method: request.method,
            url,
            body: request.body,
            headers: request.contentType ? { 'content-type': request.contentType } : {},
            deadlineMs: Math.min(options.timeoutMs, left),
            maxBytes: options.maxBodyBytes,
            signal: options.signal,
            label: `${request.method} ${request.route}`,
            onWaiting: options.onWaiting,
            noticeEveryMs: options.waitingNoticeMs,
          });
          if (isTransientStatus(answer.status))
            throw new UnavailableAnswer(answer.status, answer.body);
          if (answer.status >= 400) {
            throw refusalError({ ...request, url, status: answer.status, body: answer.body });
          }
          return answer;
        },
        isTransient,
        { retries: options.retries, backoffMs: options.backoffMs, signal: options.signal },
      );
    } catch (error) {
      if (error instanceof ReleaseError) throw error;
      if (options.signal?.aborted) throw new CancelledError('cancelled', { cause: error });
      const tries =
        isTransient(error) || error instanceof DeadlinePassed
          ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`
          : '';
      throw new NetworkError(
        `the factory at ${options.baseUrl} is unavailable: ${request.method} ${request.route} ${describeFailure(error, options.deadlineMs)}${tries}`,
        { cause: error, hint: hintFor(error) },
      );
    }
  };
}
