// Reads the status and headers of a GET and decides where its body goes in the .part file: from
// the start, or appended at the resume point. Refusals and transient statuses are thrown here.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { Response } from 'got';
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
  if (status === 206) {
    const range = parseContentRange(response.headers['content-range']);
    if (range?.start !== resumeFrom) {
      request.destroy();
      await context.fileSystem.remove(context.partPath);
      const reason = `${host} answered with an unexpected range (${response.headers['content-range'] ?? 'none'}); starting over`;
      context.emit({ type: 'restart', reason });
      throw new TransientFailure('network', reason);
    }
    return {
      offset: range.start,
      total: range.total ?? (length === undefined ? undefined : range.start + length),
    };
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
  return { offset: 0, total: length };
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
