// The factory's CORS policy (docs/factory-protocol.md §8.1, rs/cors): any origin, only GET, HEAD
// and OPTIONS, and the download headers exposed. Browsers only; the CLI never sends Origin, but the
// stand-in should not pretend a browser could do more than it can.
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const EXPOSED = 'Content-Disposition, Content-Length, Content-Type';

/** Adds CORS headers; returns true when it has answered a preflight itself. */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const requested = req.headers['access-control-request-method'];
  if (req.method === 'OPTIONS' && origin !== undefined && requested !== undefined) {
    res.setHeader('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    if (ALLOWED_METHODS.has(requested.toUpperCase())) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Methods', requested.toUpperCase());
    }
    res.statusCode = 204;
    res.end();
    return true;
  }
  if (origin !== undefined) {
    res.setHeader('Vary', 'Origin');
    if (ALLOWED_METHODS.has(req.method ?? '')) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    }
  }
  return false;
}
