// One request/response pair as the route handlers see it, and the ways to answer it. Every
// body goes through writeBody so that injected body faults apply to every route alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { RequestFaults } from './faults.js';
import { writeBody } from './body-writer.js';

export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** The decoded URL path, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The request body as text; empty unless the method carries one (POST). */
  readonly body: string;
  readonly faults: RequestFaults;
  /** Aborted when the stand-in closes, so waits never outlive it. */
  readonly closing: AbortSignal;
}

export type Headers = Readonly<Record<string, string | number>>;

/** Sends headers and, except for HEAD, the body. */
export async function send(
  ex: Exchange,
  status: number,
  headers: Headers,
  body?: Buffer | Readable,
): Promise<void> {
  ex.res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) ex.res.setHeader(name, value);
  if (body === undefined || ex.method === 'HEAD') {
    if (body instanceof Readable) body.destroy();
    ex.res.end();
    return;
  }
  await writeBody(ex, body);
}

/** The factory's error shape: `text/plain; charset=utf-8`, the message and a line feed. */
export function sendError(ex: Exchange, status: number, message: string): Promise<void> {
  const body = Buffer.from(`${message}\n`);
  return send(
    ex,
    status,
    { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length },
    body,
  );
}

/** JSON as Go's json.Encoder writes it: compact, HTML-escaped, ending in LF. */
export function goJson(value: unknown): Buffer {
  const text = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return Buffer.from(`${text}\n`);
}

/** JSON with no Content-Type, as several factory endpoints answer (clients must not depend on it). */
export function sendUntypedJson(ex: Exchange, value: unknown): Promise<void> {
  const body = goJson(value);
  return send(ex, 200, { 'Content-Length': body.length }, body);
}
