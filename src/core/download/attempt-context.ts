// What one download attempt needs from the retry loop, and what it hands back.
import type { Got } from 'got';
import type { DownloadEvent, DownloadFileSystem } from './types.js';

export interface AttemptContext {
  readonly client: Got;
  readonly url: string;
  readonly partPath: string;
  readonly fileSystem: DownloadFileSystem;
  readonly signal?: AbortSignal | undefined;
  readonly idleTimeoutMs: number;
  readonly responseTimeoutMs: number;
  /** What the HEAD said the file weighs, if it said. */
  readonly announcedTotal?: number | undefined;
  readonly emit: (event: DownloadEvent) => void;
  /**
   * The strong ETag of the response whose bytes are in the .part (from this run or a file beside
   * the .part). A resume
   * sends it as If-Range so a rebuilt artifact comes back whole instead of being spliced onto
   * bytes of the old one.
   */
  readonly partValidator: { etag?: string | undefined };
  /** Where the validator is kept between runs. */
  readonly validatorPath: string;
}

export interface AttemptResult {
  readonly sha256: string;
  readonly size: number;
  readonly host: string;
  readonly resumed: boolean;
}
