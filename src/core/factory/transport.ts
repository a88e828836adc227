// One request to the factory with the run's policy: timeout, bounded retries with backoff for
// 5xx and connection failures (never for 4xx), cancellation, and errors that say what to do.
import { RequestError } from 'got';
import type { Got } from 'got';
import { CancelledError, NetworkError, ReleaseError } from '../errors.js';
import { refusalError } from './refusal.js';
import { withRetries } from './retry.js';

export interface TransportOptions {
  readonly baseUrl: string;
  readonly http: Got;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly signal?: AbortSignal | undefined;
}

export interface FactoryRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, e.g. `/versions?broken=true`. */
  readonly route: string;
  readonly body?: string;
  readonly contentType?: string;
}

export interface FactoryAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A 5xx answer: worth another try, and reported with the factory's words when retries run out. */
class UnavailableAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`status ${status}`);
  }
}

/** Connection-level failures where a later attempt can succeed. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

function isTransient(error: unknown): boolean {
  if (error instanceof UnavailableAnswer) return true;
  return error instanceof RequestError && TRANSIENT_CODES.has(error.code);
}

function describeFailure(error: unknown): string {
  if (error instanceof UnavailableAnswer) {
    const said = error.body.trim().slice(0, 200);
    return `answered ${error.status}${said ? ` (${said})` : ''}`;
  }
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
  const attempts = options.retries + 1;
  return async function send(request: FactoryRequest): Promise<FactoryAnswer> {
    const url = `${options.baseUrl}${request.route}`;
    try {
      return await withRetries(
        async () => {
          const response = await options.http(url, {
            method: request.method,
            ...(request.body === undefined ? {} : { body: request.body }),
            headers: request.contentType ? { 'content-type': request.contentType } : {},
            responseType: 'text',
            throwHttpErrors: false,
            timeout: { request: options.timeoutMs },
            ...(options.signal ? { signal: options.signal } : {}),
          });
          const answer = {
            status: response.statusCode,
            body: response.body,
            headers: response.headers,
          };
          if (answer.status >= 500) throw new UnavailableAnswer(answer.status, answer.body);
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
      if (options.signal?.aborted) throw new CancelledError('Cancelled.', { cause: error });
      const tries = isTransient(error)
        ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`
        : '';
      throw new NetworkError(
        `the factory at ${options.baseUrl} is unavailable: ${request.method} ${request.route} ${describeFailure(error)}${tries}`,
        { cause: error, hint: hintFor(error) },
      );
    }
  };
}
