// The registry we publish to, as an OciDestination: blobs checked by HEAD, mounted across
// repositories, uploaded in resumable chunks; manifests stored as exact bytes and held to their
// digest (docs/distribution-protocol.md §2). All traffic goes through the run's
// Http; plain http only when the destination was parsed as an insecure loopback one.
import { createHash } from 'node:crypto';
import { IntegrityError, UserInputError } from '../errors.js';
import type { Http } from '../http/index.js';
import { MANIFEST_ACCEPT } from '../installer/index.js';
import type { Descriptor, ManifestBytes, OciDestination, OpenBlob } from '../oci/index.js';
import { createRegistryAuth } from './auth.js';
import type { RepositoryScope } from './auth.js';
import { uploadBlob } from './blob-upload.js';
import type { CredentialSource } from './credentials/index.js';
import { isRepositoryName } from './destination-ref.js';
import type { RegistryDestination } from './destination-ref.js';
import { unexpectedAnswer, withRegistryRetries } from './registry-answer.js';
import type { RetryBudget } from './registry-answer.js';
import { callRegistry } from './registry-request.js';
import type { RegistryContext } from './registry-request.js';

export const DEFAULT_CHUNK_BYTES = 32 * 1024 * 1024;
export const DEFAULT_REGISTRY_TIMEOUT_MS = 60_000;
export const DEFAULT_REGISTRY_RETRIES = 5;
export const DEFAULT_REGISTRY_BACKOFF_MS = 500;
/** A manifest or index is a few KiB; refuse to hold anything that is clearly not one. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export interface RegistryClientOptions {
  readonly http: Http;
  readonly destination: RegistryDestination;
  readonly credentials?: CredentialSource | undefined;
  /** PEM of a private CA that signed the registry's certificate (--registry-ca). */
  readonly ca?: Buffer | undefined;
  /** Per request (idle time for chunk uploads). Default 60 s. */
  readonly timeoutMs?: number | undefined;
  /** PATCH size. Default 32 MiB. */
  readonly chunkBytes?: number | undefined;
  /** Consecutive failed attempts tolerated per operation. Default 5; tests pass fewer. */
  readonly retries?: number | undefined;
  /** First backoff, doubling. Default 500 ms; tests pass a few ms. */
  readonly backoffMs?: number | undefined;
}

export interface RegistryClient extends OciDestination {
  readonly destination: RegistryDestination;
  /** The manifest stored under a tag or digest, or undefined when there is none. */
  getManifest(
    repository: string,
    reference: string,
    signal?: AbortSignal,
  ): Promise<ManifestBytes | undefined>;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function checkRepository(repository: string): void {
  if (!isRepositoryName(repository)) {
    throw new UserInputError(`${JSON.stringify(repository)} is not a valid repository name`, {
      hint: 'Repository names are lowercase path segments such as team/talos/release.',
    });
  }
}

function checkReference(reference: string): void {
  if (!DIGEST.test(reference) && !TAG.test(reference)) {
    throw new UserInputError(`${JSON.stringify(reference)} is neither a tag nor a sha256 digest`, {
      hint: 'Tags are up to 128 letters, digits, ".", "_" or "-"; digests are sha256:<64 hex>.',
    });
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const { destination } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REGISTRY_TIMEOUT_MS;
  const http: Http = options.ca
    ? { got: options.http.got.extend({ https: { certificateAuthority: options.ca } }) }
    : options.http;
  const origin = new URL(`${destination.scheme}://${destination.host}`);
  const host = destination.host;
  const context: RegistryContext = {
    http,
    origin,
    timeoutMs,
    auth: createRegistryAuth({ http, host, credentials: options.credentials, timeoutMs }),
  };
  const budget = (signal?: AbortSignal): RetryBudget => ({
    retries: options.retries ?? DEFAULT_REGISTRY_RETRIES,
    backoffMs: options.backoffMs ?? DEFAULT_REGISTRY_BACKOFF_MS,
    signal,
  });
  const url = (path: string): URL => new URL(path, origin);
  const pull = (repository: string): RepositoryScope => ({ repository, push: false });
  const push = (repository: string): RepositoryScope => ({ repository, push: true });

  /** HEAD or GET of a manifest; a 404 is an answer (there is none), anything else unexpected fails. */
  const askManifest = async (
    method: 'HEAD' | 'GET',
    repository: string,
    reference: string,
    signal?: AbortSignal,
  ) => {
    checkRepository(repository);
    checkReference(reference);
    const what = `the manifest ${repository}:${reference}`;
    const response = await withRegistryRetries(what, host, budget(signal), async () => {
      const answer = await callRegistry(context, {
        method,
        url: url(`/v2/${repository}/manifests/${reference}`),
        scope: pull(repository),
        headers: { accept: MANIFEST_ACCEPT },
        signal,
      });
      if (answer.statusCode !== 200 && answer.statusCode !== 404) {
        throw unexpectedAnswer(`${method} of ${what}`, host, answer);
      }
      return answer;
    });
    return { what, response };
  };

  const manifestDigest = async (
    repository: string,
    reference: string,
    signal?: AbortSignal,
  ): Promise<string | undefined> => {
    const { response } = await askManifest('HEAD', repository, reference, signal);
    if (response.statusCode === 404) return undefined;
    const digest = header(response.headers['docker-content-digest']);
    if (digest && DIGEST.test(digest)) return digest;
    // Not every registry names the digest on HEAD: hash what a GET returns instead.
    return (await getManifest(repository, reference, signal))?.digest;
  };

  const getManifest = async (
    repository: string,
    reference: string,
    signal?: AbortSignal,
  ): Promise<ManifestBytes | undefined> => {
    const { what, response } = await askManifest('GET', repository, reference, signal);
    if (response.statusCode === 404) return undefined;
    const bytes = response.body;
    if (bytes.length > MAX_MANIFEST_BYTES) {
      throw new IntegrityError(
        `${what} on ${host} is ${bytes.length} bytes, more than the ${MAX_MANIFEST_BYTES} a manifest may be`,
        {
          hint: 'Check that the destination is an OCI registry.',
        },
      );
    }
    const digest = sha256(bytes);
    if (DIGEST.test(reference) && digest !== reference) {
      throw new IntegrityError(`${what} on ${host} hashes to ${digest}`, {
        hint: 'The registry returned other bytes than the digest names: do not trust this registry copy; publish again.',
      });
    }
    let mediaType = header(response.headers['content-type'])?.split(';')[0]?.trim() ?? '';
    if (!mediaType) {
      try {
        const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: unknown };
        mediaType = typeof parsed.mediaType === 'string' ? parsed.mediaType : '';
      } catch {
        mediaType = '';
      }
    }
    return { bytes, mediaType, digest };
  };

  return {
    destination,
    description: `${host}/${destination.prefix}`,

    async hasBlob(repository: string, descriptor: Descriptor, signal?: AbortSignal) {
      checkRepository(repository);
      const what = `the blob ${descriptor.digest} in ${repository}`;
      return withRegistryRetries(what, host, budget(signal), async () => {
        const answer = await callRegistry(context, {
          method: 'HEAD',
          url: url(`/v2/${repository}/blobs/${descriptor.digest}`),
          scope: pull(repository),
          signal,
        });
        // 307: stored, served from a storage backend.
        if (answer.statusCode === 200 || answer.statusCode === 307) return true;
        if (answer.statusCode === 404) return false;
        throw unexpectedAnswer(`HEAD of ${what}`, host, answer);
      });
    },

    async mountBlob(
      repository: string,
      descriptor: Descriptor,
      fromRepository: string,
      signal?: AbortSignal,
    ) {
      checkRepository(repository);
      checkRepository(fromRepository);
      const what = `the mount of ${descriptor.digest} from ${fromRepository} into ${repository}`;
      const target = url(`/v2/${repository}/blobs/uploads/`);
      target.searchParams.set('mount', descriptor.digest);
      target.searchParams.set('from', fromRepository);
      const scope: RepositoryScope = { repository, push: true, mountFrom: fromRepository };
      const answer = await withRegistryRetries(what, host, budget(signal), async () => {
        const response = await callRegistry(context, {
          method: 'POST',
          url: target,
          scope,
          headers: { 'content-length': '0' },
          signal,
        });
        if (response.statusCode !== 201 && response.statusCode !== 202) {
          throw unexpectedAnswer(what, host, response);
        }
        return response;
      });
      if (answer.statusCode === 201) return true;
      // 202: not mounted, an ordinary upload session opened instead; close it so it does not linger.
      const location = header(answer.headers['location']);
      if (location) {
        await callRegistry(context, {
          method: 'DELETE',
          url: new URL(location, target),
          scope,
          signal,
        }).catch(() => undefined);
      }
      return false;
    },

    async putBlob(
      repository: string,
      descriptor: Descriptor,
      open: OpenBlob,
      onProgress?: (sentBytes: number) => void,
      signal?: AbortSignal,
    ) {
      checkRepository(repository);
      await uploadBlob({
        context,
        repository,
        descriptor,
        open,
        chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
        budget: budget(signal),
        onProgress,
        signal,
      });
    },

    manifestDigest,
    getManifest,

    async putManifest(
      repository: string,
      reference: string,
      manifest: ManifestBytes,
      signal?: AbortSignal,
    ) {
      checkRepository(repository);
      checkReference(reference);
      const computed = sha256(manifest.bytes);
      if (computed !== manifest.digest || (DIGEST.test(reference) && reference !== computed)) {
        throw new IntegrityError(
          `the manifest for ${repository}:${reference} hashes to ${computed}, not ${DIGEST.test(reference) && reference !== computed ? reference : manifest.digest}`,
          { hint: BUG_HINT },
        );
      }
      const what = `the manifest ${repository}:${reference}`;
      const answer = await withRegistryRetries(what, host, budget(signal), async () => {
        const response = await callRegistry(context, {
          method: 'PUT',
          url: url(`/v2/${repository}/manifests/${reference}`),
          scope: push(repository),
          headers: { 'content-type': manifest.mediaType },
          body: () => manifest.bytes,
          signal,
        });
        if (response.statusCode !== 201)
          throw unexpectedAnswer(`the PUT of ${what}`, host, response);
        return response;
      });
      const reported = header(answer.headers['docker-content-digest']) ?? computed;
      if (reported !== computed) {
        throw new IntegrityError(
          `the registry ${host} stored ${what} as ${reported}, not ${computed}`,
          {
            hint: 'The registry rewrote the manifest; Talos pins installers by digest, so use a registry that stores manifests byte-exact.',
          },
        );
      }
      return reported;
    },
  };
}

const BUG_HINT = 'The manifest bytes do not match their digest: this is a bug in talos-release.';
