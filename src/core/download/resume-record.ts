// What the engine knows about the bytes in a .part, kept beside it between runs: which URL they
// came from, the validator of the answer that sent them, and how many reached the disk. A .part
// is resumed only when this record vouches for every byte of it; anything else (a file of unknown
// origin, a download of another URL, a count that disagrees) is downloaded again from the start.
import type { DownloadFileSystem } from './types.js';

export interface ResumeRecord {
  /** The URL asked for (before redirects: a CDN's signed URL changes from run to run). */
  readonly url: string;
  /** A strong ETag of the answer whose bytes are in the .part, sent back as If-Range. */
  readonly etag?: string | undefined;
  /** Used as If-Range only when there is no strong ETag. */
  readonly lastModified?: string | undefined;
  /** How many bytes of that answer are in the .part. */
  readonly bytes: number;
}

/** Only a strong validator may guard a range (RFC 9110 §13.1.5); weak ones start with W/. */
export function strongEtag(value: string | undefined): string | undefined {
  return value && /^"[^"]*"$/.test(value.trim()) ? value.trim() : undefined;
}

function isResumeRecord(value: unknown): value is ResumeRecord {
  const record = value as Partial<ResumeRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.url === 'string' &&
    Number.isSafeInteger(record.bytes) &&
    (record.bytes ?? -1) >= 0 &&
    (record.etag === undefined || typeof record.etag === 'string') &&
    (record.lastModified === undefined || typeof record.lastModified === 'string')
  );
}

export async function loadResumeRecord(
  fileSystem: DownloadFileSystem,
  path: string,
): Promise<ResumeRecord | undefined> {
  try {
    const parsed: unknown = JSON.parse((await fileSystem.readText(path)) ?? 'null');
    return isResumeRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Written whole or not at all (temp file, then rename), so a crash never leaves a record that
 * vouches for bytes it should not. Best effort: without a record the next run merely starts over.
 */
export async function saveResumeRecord(
  fileSystem: DownloadFileSystem,
  path: string,
  record: ResumeRecord | undefined,
): Promise<void> {
  try {
    if (!record) {
      await fileSystem.remove(path);
      return;
    }
    const temporary = `${path}.new.part`;
    await fileSystem.writeText(temporary, `${JSON.stringify(record)}\n`);
    await fileSystem.rename(temporary, path);
  } catch {
    // Ignored on purpose: see above.
  }
}

/** Why the bytes in a .part of `partSize` cannot be resumed for `url`, or undefined when they can. */
export function distrust(
  record: ResumeRecord | undefined,
  url: string,
  partSize: number,
): string | undefined {
  if (!record) return 'nothing records where its bytes came from';
  if (record.url !== url) return `its bytes came from another URL (${record.url})`;
  if (record.bytes !== partSize)
    return `it holds ${partSize} bytes but ${record.bytes} were recorded as written`;
  return undefined;
}

/** The If-Range value for resuming the bytes this record vouches for. */
export function ifRangeValue(record: ResumeRecord | undefined): string | undefined {
  return record?.etag ?? record?.lastModified;
}
