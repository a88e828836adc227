// The factory's OCI registry frontend (docs/factory-protocol.md §9): /v2 ping without a challenge,
// and installer installers built on first request; manifests and blobs answered in proxy mode (200
// + Docker-Content-Digest) or redirect mode (307 to the second registry, by digest). All errors are
// plain text, not OCI JSON.
import { newestStable } from '../catalog.js';
import { buildProblem } from '../build-checks.js';
import { send, sendError } from '../respond.js';
import type { Exchange } from '../respond.js';
import { resolveListedVersion } from '../listed-version.js';
import type { Router } from '../router.js';
import type { StandinState, StoredSchematic } from '../state.js';
import { storeSignature } from './cosign.js';
import { buildInstaller } from './installer-index.js';
import type { StoredManifest } from './installer-index.js';
import { parseInstallerImage } from './installer-image.js';
import type { InstallerImage } from './installer-image.js';
import { BACKING_REPO_PATH } from './manifest-store.js';
import { sendContent } from './registry-content.js';

const DIGEST_REF = /^sha256:[0-9a-f]{64}$/;

async function answer(
  state: StandinState,
  ex: Exchange,
  repository: string,
  digest: string,
  stored: StoredManifest | undefined,
): Promise<void> {
  if (state.options.registryMode === 'redirect') {
    const location = `${state.registryUrl()}/v2/${BACKING_REPO_PATH}/${repository}/manifests/${digest}`;
    await send(ex, 307, { Location: location, 'Content-Length': 0 });
    return;
  }
  if (!stored) {
    await sendError(ex, 404, `manifest unknown: ${repository}@${digest}`);
    return;
  }
  await sendContent(ex, stored);
}

interface RepositoryTarget {
  readonly imageName: string;
  readonly id: string;
  readonly image: InstallerImage;
  readonly stored: StoredSchematic;
}

/** `<image>/<id>`, checked in the factory's order; answers the error itself when it fails. */
async function resolveRepository(
  state: StandinState,
  ex: Exchange,
  repository: string,
): Promise<RepositoryTarget | undefined> {
  const segments = repository.split('/');
  if (segments.length !== 2) {
    await sendError(ex, 404, `unknown registry path: ${JSON.stringify(repository)}`);
    return undefined;
  }
  const [imageName = '', id = ''] = segments;
  const image = parseInstallerImage(imageName);
  if (!image) {
    await sendError(ex, 400, `invalid image: ${imageName}`);
    return undefined;
  }
  const stored = state.schematics.get(id);
  if (!stored) {
    await sendError(ex, 404, `schematic ID ${JSON.stringify(id)} not found`);
    return undefined;
  }
  return { imageName, id, image, stored };
}

/** Blobs and referrers follow the manifests' redirect-or-proxy rule; no referrers are stored. */
async function blobOrReferrers(
  state: StandinState,
  ex: Exchange,
  params: readonly string[],
): Promise<void> {
  const [repository = '', kind = '', digest = ''] = params;
  if (!(await resolveRepository(state, ex, repository))) return;
  if (state.options.registryMode === 'redirect') {
    const location = `${state.registryUrl()}/v2/${BACKING_REPO_PATH}/${repository}/${kind}/${digest}`;
    await send(ex, 307, { Location: location, 'Content-Length': 0 });
    return;
  }
  const blob = kind === 'blobs' ? state.manifests.blob(repository, digest) : undefined;
  if (blob) {
    await sendContent(ex, blob);
    return;
  }
  await sendError(
    ex,
    404,
    `${kind === 'blobs' ? 'blob' : 'referrers'} unknown: ${repository}@${digest}`,
  );
}

async function manifest(
  state: StandinState,
  ex: Exchange,
  params: readonly string[],
): Promise<void> {
  const [repository = '', reference = ''] = params;
  const target = await resolveRepository(state, ex, repository);
  if (!target) return;
  const { imageName, id, image, stored } = target;
  // Digests and tags that are not versions go straight to the backing registry.
  if (DIGEST_REF.test(reference) || !(reference === 'latest' || reference.startsWith('v'))) {
    await answer(state, ex, repository, reference, state.manifests.manifest(repository, reference));
    return;
  }
  const version = resolveListedVersion(reference === 'latest' ? newestStable() : reference);
  if (!version.ok) {
    const message =
      version.status === 404
        ? `error enhancing profile from schematic: failed to get base installer: ${version.message}`
        : version.message;
    await sendError(ex, version.status, message);
    return;
  }
  const problem = buildProblem(stored.schematic, version.version, version.name, image.secureboot);
  if (problem !== undefined) {
    await sendError(ex, 400, problem);
    return;
  }
  await state.builds.build(
    `installer/${repository}:${version.name}`,
    state.options.buildDelayMs,
    ex,
  );
  if (ex.res.destroyed) return;
  const index = state.manifests.indexFor(
    repository,
    version.name,
    () =>
      buildInstaller({
        image: imageName,
        id,
        version: version.name,
        layerSizes: state.options.installerLayerSizes,
      }),
    (built) => {
      const reference = `${new URL(state.factoryUrl()).host}/${repository}`;
      const { signatures } = state.options;
      storeSignature(state.manifests, repository, reference, built, state.signer, signatures);
    },
  );
  await answer(state, ex, repository, index.digest, index);
}

function ping(ex: Exchange): Promise<void> {
  return send(ex, 200, { 'Content-Length': 0 });
}

export function registryFrontendRoutes(router: Router, state: StandinState): void {
  router
    .on(['GET', 'HEAD'], /^\/v2\/?$/, ping)
    .on(['GET', 'HEAD'], /^\/v2\/(.+)\/manifests\/([^/]+)$/, (ex, params) =>
      manifest(state, ex, params),
    )
    .on(['GET', 'HEAD'], /^\/v2\/(.+)\/(blobs|referrers)\/([^/]+)$/, (ex, params) =>
      blobOrReferrers(state, ex, params),
    )
    .on(['GET', 'HEAD'], /^\/v2\/(.+)$/, (ex, params) =>
      sendError(ex, 404, `unknown registry path: ${JSON.stringify(params[0] ?? '')}`),
    );
}
