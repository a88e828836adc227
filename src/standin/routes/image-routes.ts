// GET|HEAD /image/:schematic/:version/:path (docs/factory-protocol.md §8.7). The factory streams
// the whole body and ignores Range; in redirect delivery a GET gets 302 to /cdn, which is where
// resuming works.
import { contentDisposition, lookupAsset } from '../asset.js';
import { send, sendError } from '../respond.js';
import type { Exchange } from '../respond.js';
import type { Router } from '../router.js';
import type { StandinState } from '../state.js';

async function image(state: StandinState, ex: Exchange, params: readonly string[]): Promise<void> {
  const [id = '', versionText = '', path = ''] = params;
  const lookup = lookupAsset(state, id, versionText, path);
  if (!lookup.ok) {
    await sendError(ex, lookup.status, lookup.message);
    return;
  }
  const { asset } = lookup;
  // HEAD triggers the build too: that is how clients pre-warm an asset and learn its size.
  const { buildDelayMs, diskBuildDelayMs } = state.options;
  const delayMs = asset.isDisk ? diskBuildDelayMs : buildDelayMs;
  await state.builds.build(`image/${asset.id}/${asset.version}/${asset.path}`, delayMs, ex);
  if (ex.res.destroyed) return;
  if (state.options.imageDelivery === 'redirect' && ex.method === 'GET') {
    const search = ex.query.toString();
    const location = `${state.factoryUrl()}/cdn/${asset.id}/${asset.version}/${asset.path}${search ? `?${search}` : ''}`;
    await send(ex, 302, { Location: location, 'Content-Length': 0 });
    return;
  }
  await send(
    ex,
    200,
    {
      'Content-Type': asset.contentType,
      'Content-Length': asset.size,
      'Content-Disposition': contentDisposition(asset, ex.query),
    },
    ex.method === 'HEAD' ? undefined : asset.open(0),
  );
}

export function imageRoutes(router: Router, state: StandinState): void {
  router.on(['GET', 'HEAD'], /^\/image\/([^/]+)\/([^/]+)\/([^/]+)$/, (ex, params) =>
    image(state, ex, params),
  );
}
