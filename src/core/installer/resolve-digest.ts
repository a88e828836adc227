// Resolves an installer tag to the digest of its image index (docs/factory-protocol.md §9.4), in
// both of the factory's delivery modes: proxy (200 with Docker-Content-Digest) and redirect (307
// whose Location ends in the digest, to a registry that may demand an anonymous bearer token).
import { CancelledError, NetworkError, ReleaseError } from '../errors.js';
import {
  abortableDelay,
  assertAllowedUrl,
  describeNetworkFailure,
  hostWithPort,
  startBuildingTicker,
} from '../http/index.js';
import type { Http } from '../http/index.js';
import { resolveOnce } from './manifest-walk.js';
import { pinnedReference } from './pinned-reference.js';
import type { RegistrySession } from './registry-session.js';

export interface InstallerDigestRequest {
  /** e.g. https://factory.talos.dev */
  readonly registryBase: string;
  /** e.g. metal-installer/<schematic id> */
  readonly repository: string;
  readonly tag: string;
  readonly signal?: AbortSignal | undefined;
  /** Per request; a cold build blocks the first one for minutes. Default 5 min. */
  readonly timeoutMs?: number | undefined;
  /** The run's one HTTP layer (its proxy agents and keep-alive sockets). */
  readonly http: Http;
  readonly onEvent?: ((event: { type: 'building'; elapsedMs: number }) => void) | undefined;
}

export interface InstallerDigest {
  readonly digest: string;
  /** <host>/<repository>:<tag>@<digest>: what a cluster should pull. */
  readonly pinned: string;
}

export const DEFAULT_DIGEST_TIMEOUT_MS = 5 * 60_000;
const RETRY_DELAY_MS = 1_000;

export async function resolveInstallerDigest(
  request: InstallerDigestRequest,
): Promise<InstallerDigest> {
  const start = new URL(
    `${request.registryBase.replace(/\/+$/, '')}/v2/${request.repository}/manifests/${request.tag}`,
  );
  assertAllowedUrl(start);
  const session: RegistrySession = {
    http: request.http,
    timeoutMs: request.timeoutMs ?? DEFAULT_DIGEST_TIMEOUT_MS,
    signal: request.signal,
    factoryHost: hostWithPort(start),
    tokens: new Map(),
  };
  const stopTicker = startBuildingTicker((elapsedMs) =>
    request.onEvent?.({ type: 'building', elapsedMs }),
  );
  try {
    // One retry: a timed-out build keeps running on the factory, so the second try usually finds it done.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const digest = await resolveOnce(session, start);
        return {
          digest,
          pinned: pinnedReference(request.registryBase, request.repository, request.tag, digest),
        };
      } catch (error) {
        if (request.signal?.aborted)
          throw new CancelledError('installer digest resolution cancelled', { cause: error });
        if (error instanceof ReleaseError) throw error;
        if (attempt >= 2)
          throw new NetworkError(
            `could not resolve the installer digest of ${start.href}: ${describeNetworkFailure(error)}`,
            {
              cause: error,
              hint: 'Check the network and the factory, then run again; without --require-digest the release records the tag alone.',
            },
          );
        await abortableDelay(RETRY_DELAY_MS, request.signal);
      }
    }
  } finally {
    stopTicker();
  }
}
