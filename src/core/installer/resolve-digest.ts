// Resolves an installer tag to the digest of its image index (image-factory.md §9.4), in both of
// the factory's delivery modes: proxy (200 with Docker-Content-Digest) and redirect (307 whose
// Location ends in the digest, to a registry that may demand an anonymous bearer token).
import { createHash } from 'node:crypto';
import type { Response } from 'got';
import { CancelledError, IntegrityError, NetworkError, ReleaseError } from '../errors.js';
import { startBuildingTicker } from '../download/building-ticker.js';
import { abortableDelay } from '../download/backoff.js';
import { factoryRefusal, isTransientStatus } from '../download/factory-refusal.js';
import { describeNetworkFailure, TransientFailure } from '../download/failures.js';
import { assertAllowedUrl, hostWithPort, httpClient } from '../download/http-client.js';
import {
  DIGEST_PATTERN,
  LOCATION_DIGEST_PATTERN,
  MAX_MANIFEST_BYTES,
} from './manifest-media-types.js';
import { pinnedReference } from './pinned-reference.js';
import { requestManifest } from './registry-session.js';
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
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly onEvent?: ((event: { type: 'building'; elapsedMs: number }) => void) | undefined;
}

export interface InstallerDigest {
  readonly digest: string;
  /** <host>/<repository>:<tag>@<digest>: what a cluster should pull. */
  readonly pinned: string;
}

export const DEFAULT_DIGEST_TIMEOUT_MS = 5 * 60_000;
const MAX_REDIRECTS = 5;
const RETRY_DELAY_MS = 1_000;

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The digest of a 200 answer: the header when present, else the hash of the manifest itself. */
async function digestOfAnswer(
  session: RegistrySession,
  url: URL,
  head: Response<Buffer>,
): Promise<string> {
  const header = head.headers['docker-content-digest'];
  if (typeof header === 'string' && DIGEST_PATTERN.test(header.trim())) return header.trim();
  const full = await requestManifest(session, url, 'GET');
  if (full.statusCode !== 200)
    throw new TransientFailure('network', `GET ${url.pathname} answered HTTP ${full.statusCode}`);
  if (full.rawBody.length > MAX_MANIFEST_BYTES)
    throw new IntegrityError(
      `The manifest at ${url.href} is ${full.rawBody.length} bytes, too large for an image index.`,
    );
  return `sha256:${createHash('sha256').update(full.rawBody).digest('hex')}`;
}

async function failureOf(
  session: RegistrySession,
  url: URL,
  response: Response<Buffer>,
): Promise<never> {
  const status = response.statusCode;
  if (isTransientStatus(status))
    throw new TransientFailure('network', `HTTP ${status} from ${hostWithPort(url)}`);
  // A HEAD carries no body, and the factory's reason is in the body: ask again with GET to quote it.
  const withBody = await requestManifest(session, url, 'GET');
  const text = withBody.statusCode === status ? withBody.rawBody.toString('utf8') : '';
  throw factoryRefusal(status, text, url.href);
}

async function resolveOnce(session: RegistrySession, start: URL): Promise<string> {
  let url = start;
  let digestFromLocation: string | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await requestManifest(session, url, 'HEAD');
    if (isRedirect(response.statusCode)) {
      const location = response.headers.location;
      if (!location)
        throw new TransientFailure(
          'network',
          `HTTP ${response.statusCode} without a Location from ${hostWithPort(url)}`,
        );
      url = new URL(location, url);
      assertAllowedUrl(url);
      digestFromLocation = LOCATION_DIGEST_PATTERN.exec(url.pathname)?.[1] ?? digestFromLocation;
      continue;
    }
    if (response.statusCode !== 200) {
      // The Location already named the digest; the target only failed to confirm it.
      if (digestFromLocation && url !== start) return digestFromLocation;
      return failureOf(session, url, response);
    }
    const digest = await digestOfAnswer(session, url, response);
    if (digestFromLocation && digest !== digestFromLocation)
      throw new IntegrityError(
        `The registry at ${hostWithPort(url)} serves ${digest}, but the factory redirected to ${digestFromLocation}.`,
        {
          hint: 'The installer image changed while it was being resolved; run again.',
        },
      );
    return digest;
  }
  throw new NetworkError(`More than ${MAX_REDIRECTS} redirects while resolving ${start.href}.`);
}

export async function resolveInstallerDigest(
  request: InstallerDigestRequest,
): Promise<InstallerDigest> {
  const start = new URL(
    `${request.registryBase.replace(/\/+$/, '')}/v2/${request.repository}/manifests/${request.tag}`,
  );
  assertAllowedUrl(start);
  const session: RegistrySession = {
    client: httpClient(request.env ?? process.env),
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
          throw new CancelledError('Installer digest resolution cancelled.', { cause: error });
        if (error instanceof ReleaseError) throw error;
        if (attempt >= 2)
          throw new NetworkError(
            `Could not resolve the installer digest of ${start.href}: ${describeNetworkFailure(error)}.`,
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
