// The one rule for what is worth another try, the same for every caller: 5xx, 408 and 429 pass
// with time, and so do dropped or refused connections. Any other 4xx is the factory's answer.
import { RequestError } from 'got';
import { errnoCode, messageOf } from '../errors.js';

export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
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

export function isTransientConnectionError(error: unknown): boolean {
  const code = errnoCode(error);
  return (
    (error instanceof RequestError || error instanceof Error) &&
    typeof code === 'string' &&
    TRANSIENT_CODES.has(code)
  );
}

/** Node and got spell a dropped connection several ways; this keeps the code and the words. */
export function describeNetworkFailure(error: unknown): string {
  const code = errnoCode(error);
  return `${code ? `${code}: ` : ''}${messageOf(error)}`;
}

/** host:port, with the scheme's default port spelled out so logs are unambiguous. */
export function hostWithPort(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.port) return parsed.host;
  return `${parsed.host}:${parsed.protocol === 'https:' ? 443 : 80}`;
}
