// One HTTP listener of the stand-in: records each request, stamps the factory's common headers,
// applies injected faults that act before the route (delay, status) and hands over to the router.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { applyCors } from './cors.js';
import type { Exchange } from './respond.js';
import { sendError } from './respond.js';
import type { FaultBook } from './faults.js';
import { pause } from './pause.js';
import type { Router } from './router.js';
import type { RecordedRequest } from './types.js';

export interface ListenerContext {
  readonly server: 'factory' | 'registry';
  readonly router: Router;
  readonly faults: FaultBook;
  readonly requests: RecordedRequest[];
  readonly serverHeader: string;
  readonly closing: AbortSignal;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A /cdn request also answers to its /image path, so one fault rule covers both hops. */
function faultPaths(path: string): string[] {
  return path.startsWith('/cdn/') ? [path, `/image/${path.slice('/cdn/'.length)}`] : [path];
}

async function handle(
  context: ListenerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const record: Mutable<RecordedRequest> = {
    method,
    url: req.url ?? '/',
    headers: { ...req.headers },
    server: context.server,
  };
  context.requests.push(record);
  const requestId = req.headers['x-request-id'];
  res.setHeader('Server', context.serverHeader);
  res.setHeader(
    'X-Request-ID',
    typeof requestId === 'string' && requestId !== '' ? requestId : randomUUID(),
  );

  if (context.server === 'factory' && applyCors(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const body = method === 'POST' || method === 'PUT' ? await readBody(req) : '';
  if (method === 'POST' || method === 'PUT') record.body = body;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const faults = context.faults.take({ server: context.server, method, paths: faultPaths(path) });
  const ex: Exchange = {
    req,
    res,
    method,
    path,
    query: url.searchParams,
    body,
    faults,
    closing: context.closing,
  };
  if (faults.delayMs > 0) await pause(ex, faults.delayMs);
  if (res.destroyed) return;
  if (faults.status) {
    const text = faults.status.body ?? defaultFaultBody(faults.status.status);
    await sendError(ex, faults.status.status, text);
    return;
  }
  await context.router.dispatch(ex);
}

function defaultFaultBody(status: number): string {
  if (status === 503) return 'service temporarily unavailable';
  if (status >= 500) return 'internal server error';
  return `injected ${status}`;
}

export function createListener(context: ListenerContext): Server {
  return createServer((req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      // A bug in the stand-in must be visible to the test, not a hang.
      process.stderr.write(`stand-in: ${String(error instanceof Error ? error.stack : error)}\n`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('internal server error\n');
      } else {
        res.destroy();
      }
    });
  });
}
