// The per-architecture digests of an installer: the factory's installer is an OCI image index
// listing one manifest per platform (docs/factory-protocol.md §9.3-9.4). The index is fetched by
// its digest and its bytes are held to that digest before its list is believed.
import { createHash } from 'node:crypto';
import { CancelledError, IntegrityError, NetworkError, ReleaseError } from '../errors.js';
import {
  assertAllowedUrl,
  describeNetworkFailure,
  hostWithPort,
  refusalForUrl,
} from '../http/index.js';
import type { Http } from '../http/index.js';
import { DEFAULT_DIGEST_TIMEOUT_MS } from './resolve-digest.js';
import { DIGEST_PATTERN, MAX_MANIFEST_BYTES } from './manifest-media-types.js';
import { requestManifest } from './registry-session.js';
import type { RegistrySession } from './registry-session.js';

export interface ArchitectureDigest {
  readonly architecture: 'amd64' | 'arm64';
  readonly digest: string;
}

export interface IndexChildrenRequest {
  readonly registryBase: string;
  readonly repository: string;
  /** The index digest already resolved from the tag. */
  readonly digest: string;
  readonly http: Http;
  readonly signal?: AbortSignal | undefined;
}

const MAX_REDIRECTS = 5;

interface IndexEntry {
  readonly digest?: unknown;
  readonly platform?: { readonly os?: unknown; readonly architecture?: unknown };
}

/** The linux/amd64 and linux/arm64 entries of the index, in that order. */
export function architectureDigests(indexBody: Buffer, source: string): ArchitectureDigest[] {
  let parsed: { manifests?: unknown };
  try {
    parsed = JSON.parse(indexBody.toString('utf8')) as { manifests?: unknown };
  } catch {
    throw new IntegrityError(`the installer index at ${source} is not JSON`);
  }
  if (!Array.isArray(parsed.manifests))
    throw new IntegrityError(`the installer at ${source} is not an image index (no manifests)`);
  const found: ArchitectureDigest[] = [];
  for (const architecture of ['amd64', 'arm64'] as const) {
    const entry = (parsed.manifests as IndexEntry[]).find(
      (m) => m.platform?.os === 'linux' && m.platform.architecture === architecture,
    );
    if (typeof entry?.digest === 'string' && DIGEST_PATTERN.test(entry.digest))
      found.push({ architecture, digest: entry.digest });
  }
  return found;
}

export async function resolveIndexChildren(
  request: IndexChildrenRequest,
): Promise<ArchitectureDigest[]> {
  const start = new URL(
    `${request.registryBase.replace(/\/+$/, '')}/v2/${request.repository}/manifests/${request.digest}`,
  );
  assertAllowedUrl(start);
  const session: RegistrySession = {
    http: request.http,
    timeoutMs: DEFAULT_DIGEST_TIMEOUT_MS,
    signal: request.signal,
    factoryHost: hostWithPort(start),
    tokens: new Map(),
  };
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await send(session, url, request.signal);
    const location = response.headers.location;
    if (response.statusCode >= 300 && response.statusCode < 400 && location) {
      url = new URL(location, url);
      assertAllowedUrl(url);
      continue;
    }
    if (response.statusCode !== 200)
      throw refusalForUrl('GET', url, response.statusCode, response.rawBody.toString('utf8'));
    if (response.rawBody.length > MAX_MANIFEST_BYTES)
      throw new IntegrityError(`the installer index at ${url.href} is too large`);
    return indexArchitectures(response.rawBody, request.digest, url.href);
  }
  throw new NetworkError(`more than ${MAX_REDIRECTS} redirects while reading ${start.href}`);
}

/** The index's per-architecture digests, once its bytes are shown to be the index `digest` names. */
export function indexArchitectures(
  body: Buffer,
  digest: string,
  source: string,
): ArchitectureDigest[] {
  const hashed = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (hashed !== digest) {
    throw new IntegrityError(
      `the installer index at ${source} hashes to ${hashed}, not ${digest}`,
      {
        hint: 'The registry answered with other bytes than the digest it named; run again.',
      },
    );
  }
  return architectureDigests(body, source);
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
