// The one copy engine: an image (an index with its children, or a plain manifest such as a cosign
// signature) from any OciSource to any OciDestination, byte-exact. Publish, bundle and
// `publish --from` all go through here (docs/distribution-protocol.md §1.3). Order matters: blobs
// first, then child manifests, then the index, so a destination never holds a manifest whose
// content is missing; tags are the orchestrator's to move, last.
import { CancelledError, IntegrityError, NetworkError, ReleaseError } from '../errors.js';
import { throwIfCancelled, withRetries } from '../http/index.js';
import { checkedBlob, SHA256_DIGEST } from './digest-check.js';
import { manifestLinks } from './manifest-walk.js';
import type {
  CopyEventSink,
  Descriptor,
  ManifestBytes,
  OciDestination,
  OciSource,
} from './types.js';

export interface CopyImageRequest {
  readonly source: OciSource;
  readonly destination: OciDestination;
  readonly repository: string;
  /** The digest of the image (index or manifest) to copy. */
  readonly reference: string;
  /** Other repositories of the same destination that may hold the blobs (mounted, not sent). */
  readonly mountFrom?: readonly string[] | undefined;
  /** Blobs in flight at once. Default 3. */
  readonly concurrency?: number | undefined;
  readonly onEvent?: CopyEventSink | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Further tries of a blob whose transfer broke (a reset, a registry that stayed away). Default 2. */
  readonly blobRetries?: number | undefined;
  /** First wait before such a try. Default 1 s; tests pass less. */
  readonly retryBackoffMs?: number | undefined;
}

export interface CopiedImage {
  readonly digest: string;
  /** Every manifest copied, children first and the image itself last. */
  readonly manifests: readonly ManifestBytes[];
  /** Every distinct blob, in the order first met. */
  readonly blobs: readonly Descriptor[];
}

export const DEFAULT_COPY_CONCURRENCY = 3;
/** Indexes of indexes are legal; deeper than this is not an installer and not worth following. */
const MAX_DEPTH = 4;

export async function copyImage(request: CopyImageRequest): Promise<CopiedImage> {
  try {
    return await copyWhole(request);
  } catch (error) {
    // However deep the abort surfaced (a stream, a file write), the operator sees one Ctrl-C.
    if (request.signal?.aborted && !(error instanceof CancelledError))
      throw new CancelledError('copy cancelled', { cause: error });
    throw error;
  }
}

async function copyWhole(request: CopyImageRequest): Promise<CopiedImage> {
  const { source, signal } = request;
  if (!SHA256_DIGEST.test(request.reference))
    throw new IntegrityError(
      `copyImage copies by digest, and ${JSON.stringify(request.reference)} is not one`,
      { hint: 'Resolve the tag to a digest first, so the copy is byte-exact.' },
    );
  const root = await source.manifest(request.reference, signal);
  holdTo(root, { digest: request.reference }, source.description);
  const manifests: ManifestBytes[] = [];
  const blobs = new Map<string, Descriptor>();
  await walk(request, root, 0, manifests, blobs);
  await copyBlobs(request, [...blobs.values()]);
  for (const manifest of manifests) await putManifest(request, manifest);
  return { digest: root.digest, manifests, blobs: [...blobs.values()] };
}

/** The manifest a source gave must be the one its descriptor named. */
function holdTo(
  manifest: ManifestBytes,
  expected: { readonly digest: string; readonly size?: number },
  where: string,
): void {
  if (manifest.digest !== expected.digest)
    throw new IntegrityError(
      `the manifest ${expected.digest} from ${where} came back as ${manifest.digest}`,
      {
        hint: 'The source holds other bytes than its index names: fetch it again, or rebuild the bundle.',
      },
    );
  if (expected.size !== undefined && manifest.bytes.length !== expected.size)
    throw new IntegrityError(
      `the manifest ${expected.digest} from ${where} is ${manifest.bytes.length} bytes, not ${expected.size}`,
    );
}

/** Collects manifests (children before their parent) and distinct blobs. */
async function walk(
  request: CopyImageRequest,
  manifest: ManifestBytes,
  depth: number,
  manifests: ManifestBytes[],
  blobs: Map<string, Descriptor>,
): Promise<void> {
  if (depth > MAX_DEPTH)
    throw new IntegrityError(
      `the image ${request.reference} nests indexes deeper than ${MAX_DEPTH}`,
    );
  const links = manifestLinks(manifest, request.source.description);
  for (const child of links.manifests) {
    if (manifests.some((m) => m.digest === child.digest)) continue;
    const fetched = await request.source.manifest(child.digest, request.signal);
    holdTo(fetched, child, request.source.description);
    await walk(request, fetched, depth + 1, manifests, blobs);
  }
  for (const blob of links.blobs) if (!blobs.has(blob.digest)) blobs.set(blob.digest, blob);
  if (!manifests.some((m) => m.digest === manifest.digest)) manifests.push(manifest);
}

/** A few at a time: enough to hide round trips, few enough to leave bandwidth to each. */
async function copyBlobs(request: CopyImageRequest, blobs: readonly Descriptor[]): Promise<void> {
  const width = Math.max(1, request.concurrency ?? DEFAULT_COPY_CONCURRENCY);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next < blobs.length && !failed) {
      const blob = blobs[next];
      next += 1;
      try {
        if (blob) await copyBlob(request, blob);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // After a failure no lane takes another blob; those in flight finish and the first error wins.
  const results = await Promise.allSettled(Array.from({ length: width }, lane));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

async function copyBlob(request: CopyImageRequest, descriptor: Descriptor): Promise<void> {
  const { destination, repository, signal, onEvent } = request;
  throwIfCancelled(signal);
  onEvent?.({ type: 'blob-start', descriptor, repository });
  const done = (how: 'skipped' | 'mounted' | 'uploaded'): void =>
    onEvent?.({ type: 'blob-done', digest: descriptor.digest, how });
  if (await destination.hasBlob(repository, descriptor, signal)) return done('skipped');
  if (destination.mountBlob) {
    for (const from of request.mountFrom ?? []) {
      if (from === repository) continue;
      if (await destination.mountBlob(repository, descriptor, from, signal)) return done('mounted');
    }
  }
  const open = checkedBlob(request.source.blob(descriptor), descriptor, request.source.description);
  const progress = (sentBytes: number): void =>
    onEvent?.({
      type: 'blob-progress',
      digest: descriptor.digest,
      sentBytes,
      totalBytes: descriptor.size,
    });
  // A transfer that broke on the way is tried again (the destination resumes from what it holds);
  // a refusal or a wrong byte is not, since another try gives the same answer.
  await withRetries(
    () => destination.putBlob(repository, descriptor, open, progress, signal),
    (error) => error instanceof NetworkError || !(error instanceof ReleaseError),
    {
      retries: request.blobRetries ?? 2,
      backoffMs: request.retryBackoffMs ?? 1_000,
      signal,
    },
  );
  throwIfCancelled(signal);
  return done('uploaded');
}

async function putManifest(request: CopyImageRequest, manifest: ManifestBytes): Promise<void> {
  const { destination, repository, signal } = request;
  if (signal?.aborted) throw new CancelledError('cancelled', { cause: signal.reason });
  const there = await destination.manifestDigest(repository, manifest.digest, signal);
  if (there !== manifest.digest) {
    const stored = await destination.putManifest(repository, manifest.digest, manifest, signal);
    if (stored !== manifest.digest)
      throw new IntegrityError(
        `${destination.description} stored the manifest ${manifest.digest} as ${stored}`,
        {
          hint: 'The destination rewrote the manifest; Talos pins installers by digest, so use a registry that stores manifests byte-exact.',
        },
      );
  }
  request.onEvent?.({ type: 'manifest-done', digest: manifest.digest, reference: manifest.digest });
}
