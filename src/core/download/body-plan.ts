// Reads the status and headers of a GET and decides where its body goes in the .part file: from
// the start, or appended at the resume point. Refusals and transient statuses are thrown here.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { Response } from '../http/index.js';
import type { AttemptContext } from './attempt-context.js';
import { parseContentRange } from './content-range.js';
import { hostWithPort, isTransientStatus, readErrorBody, refusalForUrl } from '../http/index.js';
import { TransientFailure } from './failures.js';
import { parseContentLength } from './head-prewarm.js';
import { hashFile } from './hash-file.js';

export interface BodyPlan {
  /** Where in the file this body starts: 0, or the resume point. */
  readonly offset: number;
  readonly total?: number | undefined;
}

/** Decides from the status and headers where this body goes, or throws what the status means. */
export async function planBody(
  context: AttemptContext,
  request: AsyncIterable<Buffer> & { destroy(): void },
  response: Response,
  resumeFrom: number,
): Promise<BodyPlan> {
  const status = response.statusCode;
  const host = hostWithPort(response.url);
  if (status === 416 && resumeFrom > 0) {
    // The .part is not a prefix of what the server now has (it shrank or was rebuilt).
    request.destroy();
    await context.fileSystem.remove(context.partPath);
    const reason = `${host} cannot serve bytes from ${resumeFrom} on (HTTP 416); starting over`;
    context.emit({ type: 'restart', reason });
    throw new TransientFailure('network', reason);
  }
  if (status >= 400) {
    const body = await readErrorBody(request);
    request.destroy();
    if (isTransientStatus(status))
      throw new TransientFailure('network', `HTTP ${status} from ${host}: ${body.trim()}`);
    throw refusalForUrl('GET', context.url, status, body);
  }
  const length = parseContentLength(response.headers['content-length']);
  const mediaType = String(response.headers['content-type'] ?? '').toLowerCase();
  if ((status === 200 || status === 206) && mediaType.startsWith('text/html')) {
    // A captive portal or a proxy's login page: never image bytes, whatever its status says.
    request.destroy();
    throw new TransientFailure(
      'network',
      `${host} answered with a web page (Content-Type text/html), not the image; a captive portal or proxy login may be in the way`,
    );
  }
  if (status === 206) {
    const range = parseContentRange(response.headers['content-range']);
    if (range?.start !== resumeFrom) {
      request.destroy();
      await context.fileSystem.remove(context.partPath);
      const reason = `${host} answered with an unexpected range (${response.headers['content-range'] ?? 'none'}); starting over`;
      context.emit({ type: 'restart', reason });
      throw new TransientFailure('network', reason);
    }
    const total = range.total ?? (length === undefined ? undefined : range.start + length);
    if (total === undefined && context.announcedTotal === undefined)
      throw withoutLength(request, host);
    return { offset: range.start, total };
  }
  if (status !== 200) {
    request.destroy();
    throw new TransientFailure('network', `unexpected HTTP ${status} from ${host}`);
  }
  if (resumeFrom > 0) {
    context.emit({
      type: 'restart',
      reason: `${host} answered the range request with the whole file (no range support, or the file changed since); downloading from the start`,
    });
  }
  if (length === undefined && context.announcedTotal === undefined)
    throw withoutLength(request, host);
  return { offset: 0, total: length };
}

/**
 * Without a length (none in the GET, none from the HEAD) a body cut short looks complete, so such
 * bytes are never kept as the image.
 */
function withoutLength(request: { destroy(): void }, host: string): TransientFailure {
  request.destroy();
  return new TransientFailure(
    'network',
    `${host} sent the image without a length (no Content-Length, here or in the HEAD), so a body cut short could not be told from a whole one; nothing of it was kept`,
  );
}

export async function startingHash(context: AttemptContext, offset: number): Promise<Hash> {
  if (offset === 0) return createHash('sha256');
  context.emit({ type: 'resume', fromByte: offset });
  // The bytes on disk are the truth: an in-memory hash could include bytes that never got written.
  const existing = await hashFile(context.fileSystem, context.partPath, context.signal);
  if (existing.size !== offset)
    throw new TransientFailure('integrity', `${context.partPath} changed while resuming`);
  return existing.hash;
}
