// One API request (catalogue, schematics, registry token) with the limits every such call needs:
// an overall deadline (headers and body together, not merely idle time, so a server dripping one
// byte now and then cannot hold the run), a ceiling on the body it will hold in memory, and a
// notice while it waits so the operator knows what the run is waiting for.
import type { Http } from './client.js';
import { bodyTooLarge, MAX_API_BODY_BYTES, readCappedBody } from './body.js';
import { startBuildingTicker } from './building-ticker.js';

/** Quiet for the first few seconds (most answers come sooner), then a notice this often. */
export const WAITING_NOTICE_MS = 5_000;

/** "Still waiting for <what>": for presenters to print, e.g. `GET /versions (15 s)`. */
export interface WaitingEvent {
  readonly what: string;
  readonly elapsedMs: number;
}

export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string | URL;
  readonly body?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** From the first byte sent to the last byte received. */
  readonly deadlineMs: number;
  /** Default MAX_API_BODY_BYTES. */
  readonly maxBytes?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** How the request is named in waiting notices; default `<method> <url>`. */
  readonly label?: string | undefined;
  readonly onWaiting?: ((event: WaitingEvent) => void) | undefined;
  /** How often a waiting notice goes out. Default WAITING_NOTICE_MS; tests pass less. */
  readonly noticeEveryMs?: number | undefined;
}

/** The words a presenter prints for a waiting notice, e.g. `waiting for the factory: GET /versions (15 s)`. */
export function describeWaiting(event: WaitingEvent): string {
  return `waiting for the factory: ${event.what} (${Math.round(event.elapsedMs / 1000)} s)`;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export async function requestApi(http: Http, request: ApiRequest): Promise<ApiAnswer> {
  const url = String(request.url);
  const what = request.label ?? `${request.method} ${url}`;
  const stopNotices = request.onWaiting
    ? startBuildingTicker(
        (elapsedMs) => request.onWaiting?.({ what, elapsedMs }),
        request.noticeEveryMs ?? WAITING_NOTICE_MS,
      )
    : () => undefined;
  const stream = http.got.stream(url, {
    method: request.method,
    ...(request.body === undefined ? {} : { body: request.body }),
    headers: { ...request.headers },
    timeout: { request: request.deadlineMs },
    ...(request.signal ? { signal: request.signal } : {}),
  });
  try {
    const response = await new Promise<{
      statusCode: number;
      headers: ApiAnswer['headers'];
    }>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
    const limit = request.maxBytes ?? MAX_API_BODY_BYTES;
    const body = await readCappedBody(
      stream,
      limit,
      () => bodyTooLarge(`The answer to ${request.method}`, url, limit),
      () => stream.destroy(),
    );
    return { status: response.statusCode, body: body.toString('utf8'), headers: response.headers };
  } finally {
    stopNotices();
    stream.destroy();
  }
}
