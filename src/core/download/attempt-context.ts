// What one download attempt needs from the retry loop, and what it hands back.
import type { Got } from '../http/index.js';
import type { ResumeRecord } from './resume-record.js';
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
   * What vouches for the bytes in the .part (this run's accepted answer, or the record a previous
   * run left beside it). Its validator goes out as If-Range, so a rebuilt artifact comes back
   * whole instead of being spliced onto bytes of the old one. Undefined while the .part holds
   * nothing this engine can vouch for.
   */
  readonly resume: { record?: ResumeRecord | undefined };
  /** Where the record is kept between runs. */
  readonly resumeRecordPath: string;
}

export interface AttemptResult {
  readonly sha256: string;
  readonly size: number;
  readonly host: string;
  readonly resumed: boolean;
}
