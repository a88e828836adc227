// Every target of a release downloaded with the one engine, a few at a time: a HEAD for each
// first (the factory builds an asset on its first request, minutes for a disk image), then the
// streams. A failed target does not stop the others; the run fails after all have settled,
// naming each failure, and every finished file (and every .part) stays for the next run.
import { ReleaseError } from '../errors.js';
import type { DownloadEvent, DownloadResult, RecordedArtifact } from '../download/index.js';
import { parseContentLength } from '../download/index.js';
import type { Http } from '../http/index.js';
import { downloadTarget } from './artifacts.js';
import { assertRoomForTargets } from './room-for-targets.js';
import type { PlannedTarget } from './targets-plan.js';

export interface TargetDownloadOptions {
  readonly http: Http;
  readonly signal?: AbortSignal | undefined;
  readonly concurrency: number;
  readonly previous: (target: PlannedTarget) => Promise<RecordedArtifact | undefined>;
  readonly onEvent?: ((target: string, event: DownloadEvent) => void) | undefined;
}

/** Several targets failed (or one of several): the first failure's exit code, every name. */
export class TargetsFailedError extends ReleaseError {
  readonly exitCode;
  readonly kind = 'targets';
  readonly failures: ReadonlyMap<string, unknown>;

  constructor(failures: ReadonlyMap<string, unknown>) {
    const entries = [...failures];
    const first = entries[0]?.[1];
    super(
      `${entries.length} target${entries.length === 1 ? '' : 's'} failed:\n` +
        entries.map(([name, error]) => `  ${name}: ${(error as Error).message}`).join('\n'),
      {
        cause: first,
        hint:
          (first instanceof ReleaseError ? first.hint : undefined) ??
          'Run again: finished files and partial downloads are kept and reused.',
      },
    );
    this.exitCode = first instanceof ReleaseError ? first.exitCode : 1;
    this.failures = failures;
  }
}

/** Runs `work` over `items`, at most `limit` at a time, and waits for all of them. */
async function settleAll<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** HEAD every target at once: starts every build and learns the sizes. */
export async function headSizes(
  targets: readonly PlannedTarget[],
  options: { readonly http: Http; readonly signal?: AbortSignal | undefined },
): Promise<ReadonlyMap<string, number | undefined>> {
  const sizes = await Promise.all(
    targets.map(async (target) => {
      try {
        const response = await options.http.got(target.url, {
          method: 'HEAD',
          timeout: { request: 10 * 60_000 },
          ...(options.signal ? { signal: options.signal } : {}),
        });
        return response.statusCode === 200
          ? parseContentLength(response.headers['content-length'])
          : undefined;
      } catch {
        // Advisory, as the engine's own HEAD: the GET reports the factory's reason.
        return undefined;
      }
    }),
  );
  return new Map(targets.map((target, i) => [target.name, sizes[i]]));
}

export async function downloadTargets(
  targets: readonly PlannedTarget[],
  options: TargetDownloadOptions,
): Promise<ReadonlyMap<string, DownloadResult>> {
  if (targets.length > 1) await assertRoomForTargets(targets, await headSizes(targets, options));
  const settled = await settleAll(targets, options.concurrency, async (target) =>
    downloadTarget(target, await options.previous(target), {
      http: options.http,
      signal: options.signal,
      onEvent: (event) => options.onEvent?.(target.name, event),
    }),
  );
  const failures = new Map<string, unknown>();
  const results = new Map<string, DownloadResult>();
  settled.forEach((outcome, i) => {
    const name = targets[i]?.name ?? '';
    if (outcome.status === 'fulfilled') results.set(name, outcome.value);
    else failures.set(name, outcome.reason);
  });
  // Cancelling is one decision, not one failure per stream: report it as itself.
  const cancelled = [...failures.values()].find(
    (e) => e instanceof ReleaseError && e.exitCode === 130,
  );
  if (cancelled) throw cancelled;
  if (failures.size === 1 && targets.length === 1) throw failures.values().next().value;
  if (failures.size > 0) throw new TargetsFailedError(failures);
  return results;
}
