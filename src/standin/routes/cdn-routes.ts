// GET|HEAD /cdn/:schematic/:version/:path: the redirect target of /image in redirect delivery,
// standing in for the S3/CDN cache. Unlike the factory it honours Range (and If-Range), which is
// what makes an interrupted download resumable.
import { createHash } from 'node:crypto';
import { contentDisposition, lookupAsset } from '../asset.js';
import type { Asset } from '../asset.js';
import { parseRange } from '../byte-range.js';
import { send, sendError } from '../respond.js';
import type { Exchange } from '../respond.js';
import type { Router } from '../router.js';
import type { StandinState } from '../state.js';

function entityTag(asset: Asset): string {
  const hash = createHash('sha256')
    .update(`${asset.id}/${asset.version}/${asset.path}/${asset.size}`)
    .digest('hex');
  return `"${hash.slice(0, 32)}"`;
}

function header(ex: Exchange, name: string): string | undefined {
  const value = ex.req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function cdn(state: StandinState, ex: Exchange, params: readonly string[]): Promise<void> {
  const [id = '', versionText = '', path = ''] = params;
  const lookup = lookupAsset(state, id, versionText, path);
  if (!lookup.ok) {
    // A cache only holds what the factory built; anything else is simply absent.
    await sendError(ex, 404, 'not found');
    return;
  }
  const { asset } = lookup;
  const etag = entityTag(asset);
  const common = {
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Content-Type': asset.contentType,
    'Content-Disposition': contentDisposition(asset, ex.query),
  };
  const ifRange = header(ex, 'if-range');
  // A stale validator means the client's partial copy is of another object: send it whole.
  const range =
    ifRange !== undefined && ifRange !== etag
      ? ({ kind: 'full' } as const)
      : parseRange(header(ex, 'range'), asset.size);
  switch (range.kind) {
    case 'unsatisfiable':
      ex.res.setHeader('Content-Range', `bytes */${asset.size}`);
      await sendError(ex, 416, 'requested range not satisfiable');
      return;
    case 'partial':
      await send(
        ex,
        206,
        {
          ...common,
          'Content-Range': `bytes ${range.start}-${range.end}/${asset.size}`,
          'Content-Length': range.end - range.start + 1,
        },
        ex.method === 'HEAD' ? undefined : asset.open(range.start, range.end + 1),
      );
      return;
    case 'full':
      await send(
        ex,
        200,
        { ...common, 'Content-Length': asset.size },
        ex.method === 'HEAD' ? undefined : asset.open(0),
      );
  }
}

export function cdnRoutes(router: Router, state: StandinState): void {
  router.on(['GET', 'HEAD'], /^\/cdn\/([^/]+)\/([^/]+)\/([^/]+)$/, (ex, params) =>
    cdn(state, ex, params),
  );
}
