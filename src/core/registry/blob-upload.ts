// A chunked, resumable blob upload (docs/distribution-protocol.md §2): POST a
// session, PATCH chunks with Content-Range, PUT `?digest=` to close. After a failure we ask the
// session where it stands (GET → 204 + Range) and go on from there; a session the registry no
// longer knows starts again from 0. The registry's reported Range is trusted over our own count,
// because distribution 2.8 ignores Content-Range and appends whatever arrived.
import { IntegrityError } from '../errors.js';
import type { Response } from '../http/index.js';
import type { Descriptor, OpenBlob } from '../oci/index.js';
import type { RepositoryScope } from './auth.js';
import { chunkBody } from './chunk-body.js';
import {
  backOffOrThrow,
  hasErrorCode,
  TransientAnswer,
  unexpectedAnswer,
} from './registry-answer.js';
import type { RetryBudget } from './registry-answer.js';
import { callRegistry } from './registry-request.js';
import type { RegistryContext } from './registry-request.js';

export interface BlobUploadRequest {
  readonly context: RegistryContext;
  readonly repository: string;
  readonly descriptor: Descriptor;
  readonly open: OpenBlob;
  readonly chunkBytes: number;
  readonly budget: RetryBudget;
  readonly onProgress?: ((sentBytes: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

interface Session {
  readonly location: URL;
  /** The next byte the registry expects. */
  readonly next: number;
}

/** The registry no longer knows the session (404, or 400 BLOB_UPLOAD_INVALID/UNKNOWN). */
class SessionGone extends Error {}

function locationOf(response: Response<Buffer>, base: URL): URL | undefined {
  const header = response.headers['location'];
  return typeof header === 'string' && header ? new URL(header, base) : undefined;
}

/** `Range: 0-<last>` → last + 1; undefined when absent or not in that form. */
function nextFromRange(header: unknown): number | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^(?:bytes=)?0-([0-9]+)$/.exec(header.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]) + 1;
}

function withDigest(location: URL, digest: string): URL {
  const url = new URL(location);
  // Appended by hand: re-encoding the registry's own query (its upload state) is not ours to do.
  url.search = `${url.search ? `${url.search}&` : '?'}digest=${encodeURIComponent(digest)}`;
  return url;
}

function isGone(response: Response<Buffer>): boolean {
  if (response.statusCode === 404) return true;
  return (
    response.statusCode === 400 &&
    hasErrorCode(response, 'BLOB_UPLOAD_INVALID', 'BLOB_UPLOAD_UNKNOWN')
  );
}

export async function uploadBlob(request: BlobUploadRequest): Promise<void> {
  const { context, repository, descriptor, open, signal } = request;
  const host = context.origin.host;
  const scope: RepositoryScope = { repository, push: true };
  const size = descriptor.size;
  const what = `the upload of ${descriptor.digest} to ${repository}`;

  const start = async (): Promise<Session> => {
    const url = new URL(`/v2/${repository}/blobs/uploads/`, context.origin);
    const response = await callRegistry(context, {
      method: 'POST',
      url,
      scope,
      headers: { 'content-length': '0' },
      signal,
    });
    const location = locationOf(response, url);
    if (response.statusCode !== 202 || !location) {
      throw unexpectedAnswer(`to start ${what}`, host, response);
    }
    return { location, next: 0 };
  };

  /** Where an interrupted session stands; undefined when it is gone or holds nothing. */
  const resync = async (session: Session): Promise<Session | undefined> => {
    const response = await callRegistry(context, {
      method: 'GET',
      url: session.location,
      scope,
      signal,
    });
    if (isGone(response)) return undefined;
    if (response.statusCode !== 204)
      throw unexpectedAnswer(`the status of ${what}`, host, response);
    const next = nextFromRange(response.headers['range']);
    // "0-0" means 0 or 1 byte stored; a fresh session costs nothing and removes the doubt.
    if (next === undefined || next <= 1 || next > size) return undefined;
    return { location: locationOf(response, session.location) ?? session.location, next };
  };

  const patch = async (session: Session): Promise<Session> => {
    const length = Math.min(request.chunkBytes, size - session.next);
    const response = await callRegistry(context, {
      method: 'PATCH',
      url: session.location,
      scope,
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(length),
        'content-range': `${session.next}-${session.next + length - 1}`,
      },
      body: () => chunkBody(open, descriptor.digest, session.next, length, signal),
      longBody: true,
      onUploadProgress: (transferred) =>
        request.onProgress?.(session.next + Math.min(transferred, length)),
      signal,
    });
    if (isGone(response)) throw new SessionGone();
    if (response.statusCode !== 202) throw unexpectedAnswer(what, host, response);
    const next = nextFromRange(response.headers['range']) ?? session.next + length;
    // More than the blob means bytes were appended twice: the session cannot be saved.
    if (next > size) throw new SessionGone();
    return { location: locationOf(response, session.location) ?? session.location, next };
  };

  const finish = async (session: Session): Promise<void> => {
    const response = await callRegistry(context, {
      method: 'PUT',
      url: withDigest(session.location, descriptor.digest),
      scope,
      headers: { 'content-length': '0' },
      signal,
    });
    if (response.statusCode === 201 || response.statusCode === 204) return;
    if (hasErrorCode(response, 'DIGEST_INVALID', 'SIZE_INVALID')) {
      throw new IntegrityError(
        `the registry ${host} found that the bytes sent for blob ${descriptor.digest} (${repository}) have another digest`,
        {
          hint: 'The bytes read from the source do not hash to the digest: check or re-create the local copy, then publish again.',
        },
      );
    }
    if (isGone(response)) throw new SessionGone();
    throw unexpectedAnswer(`to complete ${what}`, host, response);
  };

  const exists = async (): Promise<boolean> => {
    const response = await callRegistry(context, {
      method: 'HEAD',
      url: new URL(`/v2/${repository}/blobs/${descriptor.digest}`, context.origin),
      scope,
      signal,
    });
    return response.statusCode === 200;
  };

  let session: Session | undefined;
  let needsResync = false;
  let finishing = false;
  let failures = 0;
  for (;;) {
    try {
      if (finishing && (await exists())) return;
      if (session && needsResync) session = await resync(session);
      needsResync = false;
      session ??= await start();
      while (session.next < size) {
        const before = session.next;
        session = await patch(session);
        request.onProgress?.(session.next);
        if (session.next > before) failures = 0;
      }
      finishing = true;
      await finish(session);
      request.onProgress?.(size);
      return;
    } catch (error) {
      failures += 1;
      if (error instanceof SessionGone) {
        session = undefined;
        // Retried like a transient answer, within the same budget.
        const lost = new TransientAnswer(`${what}: the registry lost the upload session`, 404);
        await backOffOrThrow(lost, failures, request.budget, what, host);
        continue;
      }
      needsResync = session !== undefined;
      await backOffOrThrow(error, failures, request.budget, what, host);
    }
  }
}
