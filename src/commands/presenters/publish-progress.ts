// What `publish` prints: a line per blob as it lands (uploaded, mounted or already there), a line
// per tag as it moves, warnings on stderr, and where the record went. With --json, one event per
// line (progress left out: it is for eyes) and the result last, as the release command does.
import { formatBytes } from '../../core/format/index.js';
import type { PublishEvent, RepositoryPublishResult } from '../../core/publish/index.js';
import type { CommandIo } from '../io.js';
import { jsonLine } from './json.js';

export interface PublishPrinter {
  readonly onEvent: (event: PublishEvent) => void;
  /** A publish from a bundle has no repository to record in: recordPath is undefined. */
  finish(result: {
    readonly publication: RepositoryPublishResult['publication'];
    readonly recordPath: string | undefined;
  }): void;
}

const PUBLISH_WORDS = { uploaded: 'uploaded', mounted: 'mounted ', skipped: 'present ' } as const;
/** A bundle copies into a directory: nothing is uploaded there. */
const BUNDLE_WORDS = { uploaded: 'fetched ', mounted: 'fetched ', skipped: 'present ' } as const;
/** Blobs at least this big also report each quarter, so a long upload shows it is moving. */
const LARGE_BLOB_BYTES = 64 * 1024 * 1024;

export function publishProgressPrinter(
  io: CommandIo,
  options: { readonly json: boolean; readonly into?: 'registry' | 'bundle' },
): PublishPrinter {
  const words = options.into === 'bundle' ? BUNDLE_WORDS : PUBLISH_WORDS;
  const blobs = new Map<
    string,
    { readonly size: number; readonly name: string; quarter: number }
  >();
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  const onEvent = (event: PublishEvent): void => {
    if (options.json) {
      if (event.type === 'copy' && event.event.type === 'blob-progress') return;
      io.stdout.write(jsonLine({ event: event.type, ...event, type: undefined }));
      return;
    }
    switch (event.type) {
      case 'signature':
        if (event.status === 'verified') out(`  signature verified: ${event.image}`);
        return;
      case 'warning':
        io.stderr.write(`warning: ${event.message}\n`);
        return;
      case 'tag':
        out(`  tagged ${event.reference} -> ${event.digest.slice(0, 19)}`);
        return;
      case 'step':
        return;
      case 'copy': {
        const copy = event.event;
        if (copy.type === 'blob-start') {
          const name =
            event.label ??
            `${shortRepository(event.repository)} ${copy.descriptor.digest.slice(7, 19)}`;
          blobs.set(copy.descriptor.digest, { size: copy.descriptor.size, name, quarter: 0 });
        } else if (copy.type === 'blob-progress') {
          const blob = blobs.get(copy.digest);
          if (!blob || blob.size < LARGE_BLOB_BYTES) return;
          const quarter = Math.floor((copy.sentBytes / copy.totalBytes) * 4);
          if (quarter > blob.quarter && quarter < 4) {
            blob.quarter = quarter;
            out(`  uploading ${blob.name} ${quarter * 25}%`);
          }
        } else if (copy.type === 'blob-done') {
          const blob = blobs.get(copy.digest);
          const size = blob ? formatBytes(blob.size) : '';
          out(`  ${words[copy.how]} ${blob?.name ?? copy.digest} ${size}`.trimEnd());
        }
      }
    }
  };
  return {
    onEvent,
    finish(result) {
      const { publication, recordPath } = result;
      if (options.json) {
        io.stdout.write(
          jsonLine({
            event: 'published',
            ok: true,
            exitCode: 0,
            record: recordPath,
            ...publication,
          }),
        );
        return;
      }
      out(`published: ${publication.release.reference}@${publication.release.digest}`);
      for (const installer of publication.installers)
        out(`  installer: ${installer.reference}@${installer.digest}`);
      if (recordPath !== undefined) out(`recorded in ${recordPath}`);
    },
  };
}

/** `metal-installer/45b19f3426e66b9c…` keeps a line short: a schematic ID is 64 hex digits. */
function shortRepository(repository: string): string {
  return repository.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/, '$1…');
}
