// One request to the registry we publish to, with its challenge answered: send with what earlier
// answers taught us, and on a 401 answer the challenge once and send again. Authorization goes
// only to the destination host itself; an absolute upload Location on another host (a storage
// backend) gets none. Redirects are not followed, for the same reason.
import type { Readable } from 'node:stream';
import { CancelledError, errnoCode, UserInputError } from '../errors.js';
import { hostWithPort } from '../http/index.js';
import type { Http, Response } from '../http/index.js';
import type { RegistryAuth, RepositoryScope } from './auth.js';

export interface RegistryContext {
  /** The run's Http, extended with the destination's CA when one was given. */
  readonly http: Http;
  readonly auth: RegistryAuth;
  /** `https://host:port` of the destination; credentials go to this origin only. */
  readonly origin: URL;
  readonly timeoutMs: number;
}

export type RegistryMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RegistryCall {
  readonly method: RegistryMethod;
  readonly url: URL;
  readonly scope: RepositoryScope;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Made afresh for each send, so a retry after a 401 sends the body again from its start. */
  readonly body?: (() => Buffer | Readable | Promise<Buffer | Readable>) | undefined;
  /** A body of many MiB: bound idle time rather than the whole exchange. */
  readonly longBody?: boolean | undefined;
  readonly onUploadProgress?: ((transferredBytes: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

const TLS_TRUST_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function sameOrigin(url: URL, origin: URL): boolean {
  return url.protocol === origin.protocol && hostWithPort(url) === hostWithPort(origin);
}

async function sendOnce(
  context: RegistryContext,
  call: RegistryCall,
  authorization: string | undefined,
): Promise<Response<Buffer>> {
  const body = call.body ? await call.body() : undefined;
  const request = context.http.got(call.url, {
    method: call.method,
    followRedirect: false,
    responseType: 'buffer',
    headers: {
      ...call.headers,
      ...(authorization && sameOrigin(call.url, context.origin) ? { authorization } : {}),
    },
    ...(body === undefined ? {} : { body }),
    timeout: call.longBody
      ? { connect: context.timeoutMs, socket: context.timeoutMs }
      : { request: context.timeoutMs },
    ...(call.signal ? { signal: call.signal } : {}),
  });
  if (call.onUploadProgress) {
    const report = call.onUploadProgress;
    request.on('uploadProgress', (progress) => report(progress.transferred));
  }
  return request;
}

/** Turns what got threw into our errors where the cause is clear; the rest is rethrown as-is. */
function translate(error: unknown, call: RegistryCall, context: RegistryContext): unknown {
  if (call.signal?.aborted) return new CancelledError('cancelled', { cause: call.signal.reason });
  const code = errnoCode(error);
  if (code && TLS_TRUST_CODES.has(code)) {
    return new UserInputError(
      `the TLS certificate of the registry ${context.origin.host} is not trusted (${code})`,
      {
        hint: 'If the registry uses a private CA, pass its certificate with --registry-ca <file.pem>; otherwise something between you and the registry is not who it claims to be.',
        cause: error,
      },
    );
  }
  return error;
}

export async function callRegistry(
  context: RegistryContext,
  call: RegistryCall,
): Promise<Response<Buffer>> {
  try {
    const first = await sendOnce(
      context,
      call,
      await context.auth.authorization(call.scope, call.signal),
    );
    if (first.statusCode === 403) throw context.auth.refused(403, call.scope);
    if (first.statusCode !== 401 || !sameOrigin(call.url, context.origin)) return first;
    const header = first.headers['www-authenticate'];
    const authorization = await context.auth.answer(
      Array.isArray(header) ? header[0] : header,
      call.scope,
      call.signal,
    );
    const second = await sendOnce(context, call, authorization);
    if (second.statusCode === 401 || second.statusCode === 403) {
      throw context.auth.refused(second.statusCode, call.scope);
    }
    return second;
  } catch (error) {
    throw translate(error, call, context);
  }
}
