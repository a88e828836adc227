// How big the factory says an asset is, from a HEAD (docs/factory-protocol.md §8.7): verify
// compares it with the manifest, preflight with the free disk. A HEAD may trigger a build on a cold
// factory, so the timeout is generous; 5xx and dropped connections are retried, a 4xx is the
// answer.
import { CancelledError, NetworkError, ReleaseError } from '../errors.js';
import { parseContentLength } from '../download/index.js';
import {
  describeNetworkFailure,
  isTransientConnectionError,
  isTransientStatus,
  readErrorBody,
  refusalForUrl,
  startBuildingTicker,
  withRetries,
} from '../http/index.js';
import type { Got, Http } from '../http/index.js';

export interface HeadSizeOptions {
  /** The run's one HTTP layer (its proxy agents and keep-alive sockets). */
  readonly http: Http;
  readonly signal?: AbortSignal | undefined;
  /** Default 10 minutes: a cold factory builds the asset before it answers. */
  readonly timeoutMs?: number | undefined;
  /** Default 2 retries after the first attempt. */
  readonly retries?: number | undefined;
  readonly backoffMs?: number | undefined;
  /** Called about once a second while the factory has not answered (it may be building). */
  readonly onBuilding?: ((elapsedMs: number) => void) | undefined;
}

export const DEFAULT_HEAD_SIZE_TIMEOUT_MS = 10 * 60_000;

class TransientStatus extends Error {}

/** Content-Length of a 200 answer; undefined when the factory does not say. */
export async function headContentLength(
  url: string,
  options: HeadSizeOptions,
): Promise<number | undefined> {
  const client = options.http.got;
  const stopTicker = startBuildingTicker((elapsedMs) => options.onBuilding?.(elapsedMs));
  try {
    return await withRetries(
      async () => {
        const response = await client(url, {
          method: 'HEAD',
          followRedirect: true,
          timeout: { request: options.timeoutMs ?? DEFAULT_HEAD_SIZE_TIMEOUT_MS },
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const status = response.statusCode;
        if (status === 200) return parseContentLength(response.headers['content-length']);
        if (isTransientStatus(status)) throw new TransientStatus(`HTTP ${status}`);
        throw refusalForUrl('HEAD', url, status, await refusalText(client, url, status, options));
      },
      (error) => error instanceof TransientStatus || isTransientConnectionError(error),
      {
        retries: options.retries ?? 2,
        backoffMs: options.backoffMs ?? 500,
        signal: options.signal,
      },
    );
  } catch (error) {
    if (error instanceof ReleaseError) throw error;
    if (options.signal?.aborted) throw new CancelledError('cancelled', { cause: error });
    throw new NetworkError(
      `the factory did not answer HEAD ${url}: ${describeNetworkFailure(error)}`,
      {
        cause: error,
        hint: 'Check the factory URL, the network and any proxy (HTTPS_PROXY, NO_PROXY), then run again.',
      },
    );
  } finally {
    stopTicker();
  }
}

/** A HEAD has no body, and the factory's reason is in the body: ask once more with GET to quote it. */
async function refusalText(
  client: Got,
  url: string,
  status: number,
  options: HeadSizeOptions,
): Promise<string> {
  const stream = client.stream(url, {
    timeout: { request: 30_000 },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    const response = await new Promise<{ statusCode: number }>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
    // Anything but the same refusal would be the asset itself: never read that into memory.
    return response.statusCode === status ? await readErrorBody(stream) : '';
  } catch {
    return '';
  } finally {
    stream.destroy();
  }
}
