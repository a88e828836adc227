// startStandin: the local Image Factory stand-in (docs/factory-protocol.md), on loopback,
// with a second registry listener for the installer redirect mode. Tests, `npm run factory` and
// `npm run demo` all start it through this one function.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserInputError } from '../core/errors.js';
import { assetSizer, checkByteCount } from './asset-sizes.js';
import { BuildCache } from './builds.js';
import { FaultBook } from './faults.js';
import { createListener } from './listener.js';
import { backingRegistryRouter } from './registry/backing-registry.js';
import { registryFrontendRoutes } from './registry/frontend-routes.js';
import { newSigner } from './registry/cosign.js';
import { ManifestStore } from './registry/manifest-store.js';
import { Router } from './router.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { LISTED_VERSIONS } from './catalog.js';
import { cdnRoutes } from './routes/cdn-routes.js';
import { cosignKeyRoutes } from './routes/cosign-key-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { imageRoutes } from './routes/image-routes.js';
import { pxeRoutes } from './routes/pxe-routes.js';
import { schematicRoutes } from './routes/schematic-routes.js';
import { intakeSchematic } from './schematic-intake.js';
import type { ResolvedOptions, StandinState } from './state.js';
import type { RecordedRequest, RunningStandin, StandinOptions } from './types.js';

export const DEFAULT_IMAGE_SIZE = 200 * 1024 * 1024;
const DEFAULT_INSTALLER_LAYER_SIZES = [2048, 512];

function resolveOptions(options: StandinOptions): ResolvedOptions {
  const imageSize = options.imageSize ?? DEFAULT_IMAGE_SIZE;
  checkByteCount(
    'image size',
    imageSize,
    'Pass a non-negative integer, e.g. --image-size 209715200.',
  );
  const installerLayerSizes = options.installerLayerSizes ?? DEFAULT_INSTALLER_LAYER_SIZES;
  if (installerLayerSizes.length === 0) {
    throw new UserInputError('an installer image needs at least one layer', {
      hint: 'Give installerLayerSizes one size per layer, e.g. [2048].',
    });
  }
  for (const size of installerLayerSizes) {
    checkByteCount('installer layer size', size, 'Give installerLayerSizes non-negative integers.');
  }
  const buildDelayMs = options.buildDelayMs ?? 0;
  return {
    imageSize,
    assetSize: assetSizer(imageSize, options.assetSizes),
    buildDelayMs,
    diskBuildDelayMs: options.diskBuildDelayMs ?? 2 * buildDelayMs,
    installerLayerSizes,
    signatures: options.signatures ?? 'valid',
    imageDelivery: options.imageDelivery ?? 'direct',
    registryMode: options.registryMode ?? 'proxy',
    schematicResponse: options.schematicResponse ?? 'current',
    encoder: options.encoder ?? 'v1.5',
    serverVersion: options.serverVersion ?? 'v1.5.0',
    listedVersions: [...LISTED_VERSIONS, ...(options.extraVersions ?? [])],
  };
}

function assertLoopback(host: string): void {
  if (host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)) return;
  throw new UserInputError(`the stand-in listens on loopback only, not on ${host}`, {
    hint: 'Use --host 127.0.0.1 (the default) or ::1.',
  });
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UserInputError(`port ${port} on ${host} is already in use`, {
              hint: 'Choose another --port, or leave it out to take any free port.',
            })
          : error,
      );
    });
    server.listen(port, host, () => {
      server.removeAllListeners('error');
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Stalled downloads and keep-alive sockets must not hold close() open.
    server.closeAllConnections();
  });
}

function preload(state: StandinState, documents: readonly string[]): void {
  for (const [index, text] of documents.entries()) {
    const intake = intakeSchematic(text, state.options.encoder);
    if (!intake.ok) {
      throw new UserInputError(`preloaded schematic #${index + 1} is invalid: ${intake.message}`);
    }
    state.schematics.set(intake.id, intake.stored);
  }
}

export async function startStandin(options: StandinOptions = {}): Promise<RunningStandin> {
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  const resolved = resolveOptions(options);
  const closing = new AbortController();
  let factoryUrl = '';
  let registryUrl = '';
  const state: StandinState = {
    options: resolved,
    schematics: new Map(),
    builds: new BuildCache(closing.signal),
    manifests: new ManifestStore(),
    signer: newSigner(),
    factoryUrl: () => factoryUrl,
    registryUrl: () => registryUrl,
    pxeBaseUrl: () => options.pxeBaseUrl?.replace(/\/+$/, '') ?? factoryUrl,
  };
  preload(state, options.schematics ?? []);

  const router = new Router();
  for (const register of [
    schematicRoutes,
    catalogRoutes,
    imageRoutes,
    cdnRoutes,
    pxeRoutes,
    healthRoutes,
    cosignKeyRoutes,
    registryFrontendRoutes,
  ]) {
    register(router, state);
  }
  const faults = new FaultBook(options.faults);
  const requests: RecordedRequest[] = [];
  const common = {
    faults,
    requests,
    serverHeader: `Image Factory ${resolved.serverVersion}`,
    closing: closing.signal,
  };
  const factory = createListener({ ...common, server: 'factory', router });
  const registry = createListener({
    ...common,
    server: 'registry',
    router: backingRegistryRouter({ manifests: state.manifests, registryUrl: () => registryUrl }),
  });
  factoryUrl = await listen(factory, options.port ?? 0, host);
  try {
    registryUrl = await listen(registry, options.registryPort ?? 0, host);
  } catch (error) {
    await stop(factory);
    throw error;
  }

  return {
    url: factoryUrl,
    registryUrl,
    requests,
    addFault: (rule) => faults.add(rule),
    close: async () => {
      closing.abort();
      await Promise.all([stop(factory), stop(registry)]);
    },
  };
}
