// HEAD before GET: it triggers the build on a cold factory (which can take minutes) and tells the
// size up front. It is advisory: any failure other than cancellation falls through to the GET,
// which carries the factory's error text that a HEAD cannot.
import type { Got } from '../http/index.js';
import { CancelledError } from '../errors.js';
import { startBuildingTicker } from '../http/index.js';
import type { DownloadEvent } from './types.js';

export interface PrewarmResult {
  /** Content-Length of a 200 answer; undefined when the HEAD failed or did not say. */
  readonly total?: number | undefined;
}

export function parseContentLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export async function prewarm(
  client: Got,
  url: string,
  options: {
    readonly timeoutMs: number;
    readonly signal?: AbortSignal | undefined;
    readonly emit: (event: DownloadEvent) => void;
  },
): Promise<PrewarmResult> {
  const stopTicker = startBuildingTicker((elapsedMs) =>
    options.emit({ type: 'building', elapsedMs }),
  );
  try {
    const response = await client(url, {
      method: 'HEAD',
      timeout: { request: options.timeoutMs },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.statusCode !== 200) return {};
    return { total: parseContentLength(response.headers['content-length']) };
  } catch (error) {
    if (options.signal?.aborted) throw new CancelledError('download cancelled', { cause: error });
    return {};
  } finally {
    stopTicker();
  }
}
