// The download engine's contract: what callers pass in, what they hear while it runs, and what
// they get back. The wizard, the --yes presenter and the benchmarks all consume these types.
import type { Readable, Writable } from 'node:stream';
import type { Http } from '../http/index.js';

export type DownloadEvent =
  /** The HEAD pre-warm is still waiting: a cold factory builds the asset first. */
  | { readonly type: 'building'; readonly elapsedMs: number }
  /** What the server says the file will weigh; undefined when it does not say. */
  | { readonly type: 'size'; readonly total?: number | undefined }
  | {
      readonly type: 'progress';
      readonly bytes: number;
      readonly total?: number | undefined;
      readonly rateBytesPerSec: number;
      readonly etaMs?: number | undefined;
      /** SHA-256 of the bytes received so far (hex). */
      readonly sha256SoFar: string;
      /** host:port that is serving the body, after redirects. */
      readonly host: string;
    }
  | {
      readonly type: 'retry';
      readonly attempt: number;
      readonly reason: string;
      readonly delayMs: number;
    }
  | { readonly type: 'resume'; readonly fromByte: number }
  | { readonly type: 'restart'; readonly reason: string }
  | { readonly type: 'reused' }
  | { readonly type: 'verifying-existing' }
  /** The download ended without the file (not for a cancellation); the error follows. */
  | { readonly type: 'failed'; readonly reason: string };

/** A file opened for writing; `sync` must reach the disk before the rename makes it final. */
export interface WritableFile {
  readonly stream: Writable;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every file operation the engine performs, so tests can inject ENOSPC or EACCES and embedders can
 * redirect storage. Paths are absolute or relative to the process working directory.
 */
export interface DownloadFileSystem {
  /** Size in bytes, or undefined when nothing is there. */
  sizeOf(path: string): Promise<number | undefined>;
  /** What is at `path` itself (a symbolic link is not followed), or undefined when nothing is. */
  kindOf(path: string): Promise<'file' | 'directory' | 'symlink' | 'other' | undefined>;
  /**
   * Opens for writing: 'append' keeps what is there, 'truncate' starts from an empty file. Never
   * through a symbolic link (ELOOP), so a planted link cannot send the bytes elsewhere.
   */
  openForWrite(path: string, mode: 'append' | 'truncate'): Promise<WritableFile>;
  openForRead(path: string): Readable;
  /** A small text file (the .part's validator), or undefined when nothing is there. */
  readText(path: string): Promise<string | undefined>;
  writeText(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  makeDirectory(path: string): Promise<void>;
  /** Makes a rename inside `path` durable. */
  syncDirectory(path: string): Promise<void>;
  /** Bytes available to this user on the file system holding `path`, when knowable. */
  freeBytes(path: string): Promise<number | undefined>;
}

/** What a previous release manifest (or the record beside the file) says about this artifact. */
export interface RecordedArtifact {
  readonly sha256: string;
  readonly size: number;
  /** Where it was downloaded from; a file without one is never reused. */
  readonly url?: string | undefined;
}

export interface DownloadOptions {
  readonly url: string;
  /** The final path; the body is written to `${dest}.part` until it is complete and synced. */
  readonly dest: string;
  readonly signal?: AbortSignal | undefined;
  readonly onEvent?: ((event: DownloadEvent) => void) | undefined;
  /** How long the body may stay silent before the attempt counts as stalled. Default 30 s. */
  readonly idleTimeoutMs?: number | undefined;
  /** Retries after the first attempt (resets, stalls, 5xx, short bodies). Default 5. */
  readonly retries?: number | undefined;
  /** Base of the jittered exponential backoff. Default 500 ms. */
  readonly backoffMs?: number | undefined;
  /** The run's one HTTP layer (its proxy agents and keep-alive sockets). */
  readonly http: Http;
  readonly fileSystem?: DownloadFileSystem | undefined;
  readonly previous?: RecordedArtifact | undefined;
  /** How long the HEAD pre-warm (and waiting for GET headers) may take. Default 10 min. */
  readonly headTimeoutMs?: number | undefined;
}

export interface DownloadResult {
  readonly path: string;
  /** Computed locally while streaming: the only integrity record the community factory gives. */
  readonly sha256: string;
  readonly size: number;
  /** host:port that finally served the body; 'local' when an existing file was reused. */
  readonly servedBy: string;
  readonly resumed: boolean;
  readonly reused: boolean;
  readonly retries: number;
}
