// The download engine: pre-warm with HEAD, stream into <dest>.part with bounded retries and
// resumption, then fsync and rename into place. Everything a presenter needs arrives through
// onEvent; the file under the final name is always complete and hashed.
import { dirname } from 'node:path';
import {
  CancelledError,
  FactoryRefusedError,
  IntegrityError,
  messageOf,
  NetworkError,
} from '../errors.js';
import { runAttempt } from './attempt.js';
import type { AttemptContext, AttemptResult } from './attempt.js';
import { checkExistingFile } from './existing-file.js';
import { diskError, formatBytes, isDiskFailure, TransientFailure } from './failures.js';
import { prewarm } from './head-prewarm.js';
import { abortableDelay, assertAllowedUrl, backoffDelay } from '../http/index.js';
import { nodeFileSystem } from './node-file-system.js';
import { partPathFor, resumeRecordPathFor } from './paths.js';
import { assertPlaceable } from './placement.js';
import { distrust, loadResumeRecord } from './resume-record.js';
import { ensureRoomFor, finishFromCompletePart } from './part-file.js';
import type {
  DownloadEvent,
  DownloadFileSystem,
  DownloadOptions,
  DownloadResult,
} from './types.js';

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 5;
export const DEFAULT_BACKOFF_MS = 500;
/** A cold factory builds before it answers HEAD (docs/factory-protocol.md §13): minutes, not seconds. */
export const DEFAULT_HEAD_TIMEOUT_MS = 10 * 60_000;

function giveUp(url: string, attempts: number, last: TransientFailure, partPath: string): Error {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (last.kind === 'integrity') {
    return new IntegrityError(`download of ${url} is incomplete after ${tries}: ${last.message}`, {
      cause: last,
      hint: 'The server or a proxy cuts the transfer short. Run again later or from another network; nothing was written under the final name.',
    });
  }
  return new NetworkError(`download of ${url} failed after ${tries}: ${last.message}`, {
    cause: last,
    hint: `Check the network and the factory, then run again; ${partPath} is kept and the next run resumes from it where the server allows.`,
  });
}

export async function downloadArtifact(options: DownloadOptions): Promise<DownloadResult> {
  try {
    return await download(options);
  } catch (error) {
    // Several downloads run at once: each says it failed, so its row can, while others go on.
    if (!(error instanceof CancelledError)) {
      options.onEvent?.({ type: 'failed', reason: messageOf(error) });
    }
    throw error;
  }
}

async function download(options: DownloadOptions): Promise<DownloadResult> {
  const { url, dest, signal } = options;
  const emit = (event: DownloadEvent): void => options.onEvent?.(event);
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const partPath = partPathFor(dest);
  const resumeRecordPath = resumeRecordPathFor(dest);
  if (signal?.aborted) throw new CancelledError('download cancelled before it started');
  assertAllowedUrl(url);

  try {
    await fileSystem.makeDirectory(dirname(dest));
  } catch (error) {
    if (isDiskFailure(error)) throw diskError(error, dirname(dest));
    throw error;
  }
  await assertPlaceable(fileSystem, dest, partPath);
  const client = options.http.got;
  const headTimeoutMs = options.headTimeoutMs ?? DEFAULT_HEAD_TIMEOUT_MS;
  const { total } = await prewarm(client, url, { timeoutMs: headTimeoutMs, signal, emit });

  // Reuse needs the factory's word on the size, so the HEAD comes first.
  const existing = await checkExistingFile(
    fileSystem,
    { dest, url, previous: options.previous, announcedTotal: total },
    emit,
    signal,
  );
  if (existing.kind === 'reusable') {
    await fileSystem.remove(partPath);
    await fileSystem.remove(resumeRecordPath);
    return {
      path: dest,
      sha256: existing.sha256,
      size: existing.size,
      servedBy: 'local',
      resumed: false,
      reused: true,
      retries: 0,
    };
  }

  emit({ type: 'size', total });

  const context: AttemptContext = {
    client,
    url,
    partPath,
    fileSystem,
    signal,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    responseTimeoutMs: headTimeoutMs,
    announcedTotal: total,
    emit,
    resume: { record: await loadResumeRecord(fileSystem, resumeRecordPath) },
    resumeRecordPath,
  };
  let result: AttemptResult | undefined;
  let retriesUsed = 0;
  let resumed = false;
  for (let attempt = 1; result === undefined; attempt += 1) {
    try {
      const partSize = (await fileSystem.sizeOf(partPath)) ?? 0;
      let onDisk = partSize;
      const doubt = partSize > 0 ? distrust(context.resume.record, url, partSize) : undefined;
      if (doubt !== undefined) {
        // Kept, not deleted, until the fresh answer overwrites it: the next GET starts from zero.
        emit({
          type: 'restart',
          reason: `cannot vouch for ${partPath} (${doubt}); downloading from the start`,
        });
        context.resume.record = undefined;
        onDisk = 0;
      }
      if (total !== undefined && onDisk > total) {
        emit({
          type: 'restart',
          reason: `${partPath} holds more than the ${formatBytes(total)} announced; starting over`,
        });
        await fileSystem.remove(partPath);
        onDisk = 0;
      }
      await ensureRoomFor(fileSystem, dest, total, onDisk);
      result =
        total !== undefined && onDisk === total && total > 0
          ? await finishFromCompletePart(context, total)
          : await runAttempt(context, onDisk);
      resumed ||= result.resumed;
    } catch (error) {
      if (!(error instanceof TransientFailure)) {
        // Only a refusal is final; a cancelled run keeps its .part, as the operator is told.
        if (error instanceof FactoryRefusedError) await removeIfEmpty(fileSystem, partPath);
        throw error;
      }
      if (attempt > retries) throw giveUp(url, attempt, error, partPath);
      retriesUsed += 1;
      const delayMs = backoffDelay(retriesUsed - 1, options.backoffMs ?? DEFAULT_BACKOFF_MS);
      emit({ type: 'retry', attempt: retriesUsed, reason: error.message, delayMs });
      await abortableDelay(delayMs, signal);
    }
  }

  try {
    await fileSystem.rename(partPath, dest);
    await fileSystem.syncDirectory(dirname(dest));
    await fileSystem.remove(resumeRecordPath);
  } catch (error) {
    if (isDiskFailure(error)) throw diskError(error, dest, result.size);
    throw error;
  }
  return {
    path: dest,
    sha256: result.sha256,
    size: result.size,
    servedBy: result.host,
    resumed,
    reused: false,
    retries: retriesUsed,
  };
}

/**
 * A refusal before any byte arrived leaves an empty .part: nothing to resume, so it goes.
 * A .part holding bytes is never removed here; the next run resumes from it.
 */
async function removeIfEmpty(fileSystem: DownloadFileSystem, partPath: string): Promise<void> {
  if ((await fileSystem.sizeOf(partPath).catch(() => undefined)) === 0) {
    await fileSystem.remove(partPath).catch(() => undefined);
  }
}
