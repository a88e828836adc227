// A tiny origin on loopback for answers the stand-in never gives on purpose: a captive portal's
// web page, a body without a length. Each GET is answered by the next scripted handler; once the
// script runs out, the real image is served with ranges and a strong ETag, as a CDN would.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface HostileServer {
  readonly url: string;
  /** Every request as method and headers, in arrival order. */
  readonly requests: { method: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export const IMAGE_ETAG = '"image-v1"';

/** Serves `image` like a CDN: HEAD with its length, GET whole or from a Range, guarded by If-Range. */
export function serveImage(image: Buffer): Handler {
  return (request, response) => {
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const ifRange = request.headers['if-range'];
    const start = range && (ifRange === undefined || ifRange === IMAGE_ETAG) ? Number(range[1]) : 0;
    const headers = {
      'content-type': 'application/octet-stream',
      'content-length': String(image.length - start),
      etag: IMAGE_ETAG,
      'accept-ranges': 'bytes',
      ...(start > 0
        ? { 'content-range': `bytes ${start}-${image.length - 1}/${image.length}` }
        : {}),
    };
    response.writeHead(start > 0 ? 206 : 200, headers);
    if (request.method === 'HEAD') response.end();
    else response.end(image.subarray(start));
  };
}

export async function startHostileServer(
  image: Buffer,
  script: Handler[],
  options: { readonly scriptHead?: boolean } = {},
): Promise<HostileServer> {
  const requests: HostileServer['requests'] = [];
  const real = serveImage(image);
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', headers: request.headers });
    const scripted = request.method === 'GET' || options.scriptHead === true;
    const next = scripted ? script.shift() : undefined;
    (next ?? real)(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/image/x/v1.12.0/metal-amd64.iso`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
