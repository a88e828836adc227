// /versions and the per-version extension and overlay catalogues (docs/factory-protocol.md
// §8.4–8.6). None of them sets a Content-Type, like the real service, so clients prove they parse
// JSON regardless.
import { BROKEN_VERSIONS, extensionsFor, overlaysFor } from '../catalog.js';
import { sendError, sendUntypedJson } from '../respond.js';
import type { Exchange } from '../respond.js';
import { resolveListedVersion } from '../listed-version.js';
import type { Router } from '../router.js';
import type { StandinState } from '../state.js';

function versions(listed: readonly string[]) {
  return async (ex: Exchange): Promise<void> => {
    // Exactly `true`: the factory compares the query value as a string.
    const broken = ex.query.get('broken') === 'true';
    await sendUntypedJson(ex, broken ? BROKEN_VERSIONS : listed);
  };
}

function perVersion(list: typeof extensionsFor | typeof overlaysFor, listed: readonly string[]) {
  return async (ex: Exchange, params: readonly string[]): Promise<void> => {
    const resolved = resolveListedVersion(params[0] ?? '', listed);
    if (!resolved.ok) {
      await sendError(ex, resolved.status, resolved.message);
      return;
    }
    await sendUntypedJson(ex, list(resolved.version));
  };
}

export function catalogRoutes(router: Router, state: StandinState): void {
  const listed = state.options.listedVersions;
  router
    .on(['GET'], /^\/versions$/, versions(listed))
    .on(['GET'], /^\/version\/([^/]+)\/extensions\/official$/, perVersion(extensionsFor, listed))
    .on(['GET'], /^\/version\/([^/]+)\/overlays\/official$/, perVersion(overlaysFor, listed));
}
