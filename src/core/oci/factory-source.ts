// The factory's registry frontend as an OciSource: manifests and blobs of one installer
// repository, in both delivery modes (docs/factory-protocol.md §9.3): proxied through (200) or a
// 307 to the backing registry, which may ask for an anonymous bearer token. Redirects are taken by
// hand so a token only ever reaches the host that asked for it (docs/distribution-protocol.md §1.1).
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { CancelledError, IntegrityError, NetworkError, ReleaseError } from '../errors.js';
import {
  assertAllowedUrl,
  describeNetworkFailure,
  hostWithPort,
  isTransientConnectionError,
  isTransientStatus,
  readErrorBody,
  refusalForUrl,
  withRetries,
} from '../http/index.js';
import type { Http, Response } from '../http/index.js';
import {
  answerChallenge,
  authorizationFor,
  DEFAULT_DIGEST_TIMEOUT_MS,
  MAX_MANIFEST_BYTES,
  requestManifest,
} from '../installer/index.js';
import type { RegistrySession } from '../installer/index.js';
import { SHA256_DIGEST, sha256Digest } from './digest-check.js';
import { manifestMediaType } from './manifest-media-type.js';
import type { Descriptor, ManifestBytes, OciSource, OpenBlob } from './types.js';

export interface FactoryRegistrySourceOptions {
  readonly http: Http;
  /** The factory's origin (its registry frontend), e.g. https://factory.talos.dev. */
  readonly registryBase: string;
  /** e.g. metal-installer/<schematic id> */
  readonly repository: string;
  readonly signal?: AbortSignal | undefined;
  /** Until response headers arrive; a cold build holds the first request for minutes. Default 5 min. */
  readonly timeoutMs?: number | undefined;
  /** Retries of a transient failure before the body starts (5xx, resets). Default 2. */
  readonly retries?: number | undefined;
  /** First backoff between retries. Default 500 ms; tests pass less. */
  readonly backoffMs?: number | undefined;
}

const MAX_REDIRECTS = 5;
/** A body that sends nothing for this long is dropped (and the copy retried by its caller). */
const IDLE_MS = 60_000;

/** Worth another try: a 5xx, a reset, a redirect without a target. */
class TransientFailure extends Error {}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function bothSignals(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}

function nextHop(url: URL, response: { statusCode: number; headers: Response['headers'] }): URL {
  const location = response.headers.location;
  if (!location)
    throw new TransientFailure(
      `HTTP ${response.statusCode} without a Location from ${hostWithPort(url)}`,
    );
  const next = new URL(location, url);
  assertAllowedUrl(next);
  return next;
}

export function factoryRegistrySource(options: FactoryRegistrySourceOptions): OciSource {
  const base = options.registryBase.replace(/\/+$/, '');
  // A bad --factory-url or --registry is the operator's to fix (exit 2), before any request.
  const baseUrl = assertAllowedUrl(base, 'registry URL');
  const startUrl = (kind: 'manifests' | 'blobs', reference: string): URL => {
    const url = new URL(`${base}/v2/${options.repository}/${kind}/${reference}`);
    assertAllowedUrl(url);
    return url;
  };
  const factoryHost = hostWithPort(baseUrl);
  // Tokens outlive one request: the backing registry's token serves every blob of the repository.
  const tokens = new Map<string, string>();
  const sessionFor = (signal: AbortSignal | undefined): RegistrySession => ({
    http: options.http,
    timeoutMs: options.timeoutMs ?? DEFAULT_DIGEST_TIMEOUT_MS,
    signal: bothSignals(options.signal, signal),
    factoryHost,
    tokens,
  });
  const description = `${baseUrl.host}/${options.repository}`;

  /** Retries what passes with time, then turns it into the NetworkError the operator sees. */
  const retrying = async <T>(
    what: string,
    signal: AbortSignal | undefined,
    attempt: () => Promise<T>,
  ): Promise<T> => {
    try {
      return await withRetries(
        attempt,
        (error) => error instanceof TransientFailure || isTransientConnectionError(error),
        {
          retries: options.retries ?? 2,
          backoffMs: options.backoffMs ?? 500,
          signal,
        },
      );
    } catch (error) {
      if (signal?.aborted) throw new CancelledError('cancelled', { cause: error });
      if (error instanceof ReleaseError) throw error;
      throw new NetworkError(
        `the registry did not answer ${what}: ${describeNetworkFailure(error)}`,
        {
          cause: error,
          hint: 'Check the network, any proxy and the factory, then run again.',
        },
      );
    }
  };

  const manifestOnce = async (session: RegistrySession, reference: string) => {
    let url = startUrl('manifests', reference);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const response = await requestManifest(session, url, 'GET');
      if (isRedirect(response.statusCode)) {
        url = nextHop(url, response);
        continue;
      }
      if (response.statusCode === 200) return readManifest(response, url, reference);
      if (isTransientStatus(response.statusCode))
        throw new TransientFailure(`HTTP ${response.statusCode} from ${hostWithPort(url)}`);
      throw refusalForUrl('GET', url, response.statusCode, response.rawBody.toString('utf8'));
    }
    throw new NetworkError(`more than ${MAX_REDIRECTS} redirects while reading ${url.href}`);
  };

  return {
    description,
    async manifest(reference, signal) {
      const session = sessionFor(signal);
      return retrying(`GET manifest ${reference} of ${description}`, session.signal, () =>
        manifestOnce(session, reference),
      );
    },
    blob(descriptor: Descriptor): OpenBlob {
      return async (offset, signal) => {
        const session = sessionFor(signal);
        return retrying(`GET blob ${descriptor.digest} of ${description}`, session.signal, () =>
          openBlobOnce(session, startUrl('blobs', descriptor.digest), descriptor, offset),
        );
      };
    },
  };
}

/** The body of a 200 manifest answer, held to the digest it was asked by (or announced). */
function readManifest(response: Response<Buffer>, url: URL, reference: string): ManifestBytes {
  const bytes = response.rawBody;
  if (bytes.length > MAX_MANIFEST_BYTES)
    throw new IntegrityError(
      `the manifest at ${url.href} is ${bytes.length} bytes, too large for a manifest`,
    );
  const digest = sha256Digest(bytes);
  if (SHA256_DIGEST.test(reference) && digest !== reference)
    throw new IntegrityError(`the manifest at ${url.href} hashes to ${digest}, not ${reference}`, {
      hint: 'The registry answered with other bytes than the digest asked for; run again.',
    });
  const announced = response.headers['docker-content-digest'];
  if (typeof announced === 'string' && SHA256_DIGEST.test(announced) && announced !== digest)
    throw new IntegrityError(
      `the manifest at ${url.href} hashes to ${digest}, but the registry announced ${announced}`,
      { hint: 'The registry or a proxy changed the manifest on the way; run again.' },
    );
  const declared = response.headers['content-type'];
  return { bytes, digest, mediaType: manifestMediaType(bytes, declared) };
}

/** `bytes <start>-<end>/<total>` → start, or undefined when the header is not of that form. */
function rangeStart(header: string | undefined): number | undefined {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(header?.trim() ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

async function openBlobOnce(
  session: RegistrySession,
  start: URL,
  descriptor: Descriptor,
  offset: number,
): Promise<Readable> {
  let url = start;
  let challengeAnswered = false;
  // Redirect hops plus the one request repeated after an anonymous token was fetched.
  for (let hop = 0; hop <= MAX_REDIRECTS + 1; hop += 1) {
    const request = session.http.got.stream(url, {
      followRedirect: false,
      headers: {
        ...authorizationFor(session, url),
        ...(offset > 0 ? { range: `bytes=${offset}-` } : {}),
      },
      timeout: { response: session.timeoutMs, socket: IDLE_MS },
      ...(session.signal ? { signal: session.signal } : {}),
    });
    let response: Response;
    try {
      response = await new Promise<Response>((resolve, reject) => {
        request.once('response', resolve);
        request.once('error', reject);
      });
    } catch (error) {
      request.destroy();
      throw error;
    }
    const status = response.statusCode;
    if (status === 200 || status === 206) {
      const skip = status === 200 ? offset : 0;
      if (status === 206 && rangeStart(response.headers['content-range']) !== offset) {
        request.destroy();
        throw new TransientFailure(
          `${hostWithPort(url)} answered a range other than bytes=${offset}- for ${descriptor.digest}`,
        );
      }
      return bodyFrom(request, skip, url, session.signal);
    }
    if (isRedirect(status)) {
      request.destroy();
      url = nextHop(url, response);
      continue;
    }
    const body = await readErrorBody(request);
    request.destroy();
    if (
      !challengeAnswered &&
      (await answerChallenge(session, url, status, response.headers['www-authenticate']))
    ) {
      challengeAnswered = true;
      continue;
    }
    if (isTransientStatus(status))
      throw new TransientFailure(`HTTP ${status} from ${hostWithPort(url)}`);
    throw refusalForUrl('GET', url, status, body);
  }
  throw new NetworkError(`more than ${MAX_REDIRECTS} redirects while reading ${start.href}`);
}

/**
 * The body as the caller reads it: the first `skip` bytes dropped (a server that ignored the Range
 * header answers from 0), and a reset in the middle reported as a NetworkError naming the host.
 */
function bodyFrom(
  request: Readable,
  skip: number,
  url: URL,
  signal: AbortSignal | undefined,
): Readable {
  let toSkip = skip;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (toSkip >= chunk.length) {
        toSkip -= chunk.length;
        callback();
        return;
      }
      const rest = toSkip > 0 ? chunk.subarray(toSkip) : chunk;
      toSkip = 0;
      callback(null, rest);
    },
  });
  request.on('error', (error) => {
    out.destroy(
      signal?.aborted
        ? new CancelledError('cancelled', { cause: error })
        : new NetworkError(
            `the blob download from ${hostWithPort(url)} failed: ${describeNetworkFailure(error)}`,
            { cause: error, hint: 'Check the network and any proxy, then run again.' },
          ),
    );
  });
  out.on('close', () => {
    if (!request.destroyed) request.destroy();
  });
  return request.pipe(out);
}
