// --online reads what an installer's image index lists per architecture. The resolver gives the
// index digest; the index is then fetched by that digest (so it cannot change in between), must
// hash to it, and its linux children are read from the body.
import { createHash } from 'node:crypto';
import { CancelledError, IntegrityError, NetworkError, ReleaseError } from '../errors.js';
import {
  assertAllowedUrl,
  describeNetworkFailure,
  hostWithPort,
  refusalForUrl,
} from '../http/index.js';
import type { Http } from '../http/index.js';
import { DEFAULT_DIGEST_TIMEOUT_MS, requestManifest } from '../installer/index.js';
import type { RegistrySession } from '../installer/index.js';

export interface IndexChild {
  readonly architecture: string;
  readonly digest: string;
}

export interface IndexRequest {
  readonly http: Http;
  readonly registryBase: string;
  /** e.g. metal-installer/<schematic id> */
  readonly repository: string;
  /** The index digest the resolver found for the tag. */
  readonly digest: string;
  readonly signal?: AbortSignal | undefined;
}

const MAX_REDIRECTS = 5;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export async function fetchIndexChildren(request: IndexRequest): Promise<IndexChild[]> {
  let url = new URL(
    `${request.registryBase.replace(/\/+$/, '')}/v2/${request.repository}/manifests/${request.digest}`,
  );
  assertAllowedUrl(url);
  const session: RegistrySession = {
    http: request.http,
    timeoutMs: DEFAULT_DIGEST_TIMEOUT_MS,
    signal: request.signal,
    factoryHost: hostWithPort(url),
    tokens: new Map(),
  };
  // Redirects are taken by hand so a registry's token only ever reaches that registry.
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await send(session, url, request.signal);
    const location = response.headers.location;
    if (response.statusCode >= 300 && response.statusCode < 400 && location) {
      url = new URL(location, url);
      assertAllowedUrl(url);
      continue;
    }
    if (response.statusCode !== 200) {
      throw refusalForUrl('GET', url, response.statusCode, response.rawBody.toString('utf8'));
    }
    return indexChildren(response.rawBody, request.digest, url.href);
  }
  throw new NetworkError(`more than ${MAX_REDIRECTS} redirects while fetching ${url.href}.`);
}

async function send(session: RegistrySession, url: URL, signal: AbortSignal | undefined) {
  try {
    return await requestManifest(session, url, 'GET');
  } catch (error) {
    if (error instanceof ReleaseError) throw error;
    if (signal?.aborted) throw new CancelledError('cancelled', { cause: error });
    throw new NetworkError(
      `the registry did not answer GET ${url.href}: ${describeNetworkFailure(error)}`,
      { cause: error, hint: 'Check the network and any proxy, then run again.' },
    );
  }
}

/** The per-architecture digests an index lists; the body must be the index the digest names. */
export function indexChildren(body: Buffer, digest: string, source: string): IndexChild[] {
  const hashed = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (hashed !== digest) {
    throw new IntegrityError(`the index served at ${source} hashes to ${hashed}, not ${digest}.`);
  }
  let manifests: unknown;
  try {
    manifests = (JSON.parse(body.toString('utf8')) as { manifests?: unknown }).manifests;
  } catch {
    manifests = undefined;
  }
  if (!Array.isArray(manifests)) {
    throw new IntegrityError(`the manifest at ${source} is not an image index (no manifests[]).`);
  }
  return manifests.flatMap((entry: unknown) => {
    const child = entry as {
      digest?: unknown;
      platform?: { os?: unknown; architecture?: unknown };
    };
    const { os, architecture } = child.platform ?? {};
    if (os !== 'linux' || typeof architecture !== 'string') return [];
    if (typeof child.digest !== 'string' || !DIGEST.test(child.digest)) return [];
    return [{ architecture, digest: child.digest }];
  });
}
