// One GET of the artifact into the .part file: from scratch, or appended after the bytes already
// there when the serving host honours ranges. It hashes as bytes pass, counts them against what the
// server announced, and fails with a TransientFailure the retry loop can act on.
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from '../http/index.js';
import { CancelledError, ReleaseError } from '../errors.js';
import type { AttemptContext, AttemptResult } from './attempt-context.js';
import { planBody, startingHash } from './body-plan.js';
import type { BodyPlan } from './body-plan.js';
import { describeNetworkFailure, hostWithPort } from '../http/index.js';
import { diskError, isDiskFailure, TransientFailure } from './failures.js';
import { ifRangeValue, saveResumeRecord, strongEtag } from './resume-record.js';
import { createProgressReporter } from './progress-reporter.js';

import type { WritableFile } from './types.js';

/** How often a silent body still reports progress, so a stall shows as a falling rate. */
const HEARTBEAT_MS = 1_000;

export type { AttemptContext, AttemptResult } from './attempt-context.js';

function cancelled(cause: unknown): CancelledError {
  return new CancelledError('download cancelled; the partial file is kept for the next run', {
    cause,
  });
}

function rangeHeaders(resumeFrom: number, validator: string | undefined): Record<string, string> {
  if (resumeFrom === 0) return {};
  return { range: `bytes=${resumeFrom}-`, ...(validator ? { 'if-range': validator } : {}) };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function runAttempt(
  context: AttemptContext,
  resumeFrom: number,
): Promise<AttemptResult> {
  // The file is opened before the request so that, for a fresh start, the body flows the moment
  // headers arrive: bytes left unread in socket buffers are lost when a connection is reset.
  let file: WritableFile;
  // Opening for a fresh start empties the .part: from then on no record may vouch for it.
  if (resumeFrom === 0) context.resume.record = undefined;
  try {
    file = await context.fileSystem.openForWrite(
      context.partPath,
      resumeFrom > 0 ? 'append' : 'truncate',
    );
  } catch (error) {
    if (isDiskFailure(error)) throw diskError(error, context.partPath, context.announcedTotal);
    throw error;
  }
  const request = context.client.stream(context.url, {
    headers: rangeHeaders(resumeFrom, ifRangeValue(context.resume.record)),
    timeout: { response: context.responseTimeoutMs },
    ...(context.signal ? { signal: context.signal } : {}),
  });
  let stalled = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let plan: BodyPlan | undefined;
  let bodyStarted = false;
  let recordSaved: Promise<void> = Promise.resolve();
  let received = resumeFrom;
  try {
    const response = await new Promise<Response>((resolve, reject) => {
      request.once('response', resolve);
      request.once('error', reject);
    });
    plan = await planBody(context, request, response, resumeFrom);
    const expected = plan.total ?? context.announcedTotal;
    if (
      plan.total !== undefined &&
      context.announcedTotal !== undefined &&
      plan.total !== context.announcedTotal
    ) {
      request.destroy();
      throw new TransientFailure(
        'integrity',
        `the HEAD announced ${context.announcedTotal} bytes but the GET announced ${plan.total}`,
      );
    }
    const host = hostWithPort(response.url);
    if (plan.offset === 0) {
      context.resume.record = {
        url: context.url,
        etag: strongEtag(response.headers.etag),
        lastModified: headerText(response.headers['last-modified']),
        bytes: 0,
      };
      // Not awaited here: any await before the pipeline leaves bytes unread in socket buffers.
      recordSaved = saveResumeRecord(
        context.fileSystem,
        context.resumeRecordPath,
        context.resume.record,
      );
    }
    if (resumeFrom > 0 && plan.offset === 0) {
      await file.close();
      file = await context.fileSystem.openForWrite(context.partPath, 'truncate');
    }
    const hash = await startingHash(context, plan.offset);
    received = plan.offset;
    bodyStarted = true;
    const reporter = createProgressReporter({
      emit: context.emit,
      host,
      total: expected,
      startBytes: plan.offset,
    });
    const armIdleTimer = (): void => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        stalled = true;
        request.destroy();
      }, context.idleTimeoutMs);
    };
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        armIdleTimer();
        received += chunk.length;
        if (expected !== undefined && received > expected) {
          callback(
            new TransientFailure(
              'integrity',
              `${host} sent more than the ${expected} bytes it announced`,
            ),
          );
          return;
        }
        hash.update(chunk);
        reporter.advance(received, hash);
        callback(null, chunk);
      },
    });
    armIdleTimer();
    // While the body is silent no chunk arrives to report; a slow tick keeps the rate and ETA
    // honest (falling towards zero) instead of frozen at the last good figures.
    heartbeat = setInterval(() => reporter.advance(received, hash), HEARTBEAT_MS);
    heartbeat.unref();
    await pipeline(request, meter, file.stream);
    clearInterval(heartbeat);
    if (expected !== undefined && received !== expected)
      throw new TransientFailure(
        'integrity',
        `the body from ${host} ended after ${received} of ${expected} bytes`,
      );
    reporter.finish(received, hash);
    await file.sync();
    return { sha256: hash.digest('hex'), size: received, host, resumed: plan.offset > 0 };
  } catch (error) {
    if (context.signal?.aborted) throw cancelled(error);
    if (stalled)
      throw new TransientFailure(
        'network',
        `no data for ${context.idleTimeoutMs} ms (stalled after ${received} bytes)`,
      );
    if (error instanceof TransientFailure || error instanceof ReleaseError) throw error;
    if (error instanceof Error && error.cause instanceof ReleaseError) throw error.cause;
    if (isDiskFailure(error))
      throw diskError(error, context.partPath, plan?.total ?? context.announcedTotal);
    const expected = plan?.total ?? context.announcedTotal;
    // A reset and a premature clean close look the same from here (got reports both as
    // ECONNRESET); either way the body is shorter than announced, which is what the operator needs.
    if (bodyStarted && expected !== undefined && received < expected)
      throw new TransientFailure(
        'integrity',
        `the body ended after ${received} of ${expected} bytes (${describeNetworkFailure(error)})`,
        { cause: error },
      );
    throw new TransientFailure('network', describeNetworkFailure(error), { cause: error });
  } finally {
    clearTimeout(idleTimer);
    clearInterval(heartbeat);
    request.destroy();
    await file.close();
    await recordSaved;
    await recordWrittenBytes(context);
  }
}

/**
 * After every attempt, however it ended (done, failed, cancelled): the record says how many bytes
 * of the accepted answer are on disk, so the next run can check the .part against it.
 */
async function recordWrittenBytes(context: AttemptContext): Promise<void> {
  const record = context.resume.record;
  const bytes = await context.fileSystem.sizeOf(context.partPath).catch(() => undefined);
  if (record && bytes !== undefined) context.resume.record = { ...record, bytes };
  else context.resume.record = undefined;
  await saveResumeRecord(context.fileSystem, context.resumeRecordPath, context.resume.record);
}
