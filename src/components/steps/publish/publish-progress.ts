// What the publish screen shows, folded from the core's PublishEvents: a row per blob (bytes sent,
// then uploaded, mounted or already present), the verified signatures, the tags as they move and
// the warnings. Pure, so every event is tested without a registry or a terminal. What present,
// mounted and uploaded mean: docs/distribution-protocol.md §8.
import type { PublishEvent, PublishStep } from '../../../core/publish/index.js';

export type BlobState = 'checking' | 'sending' | 'uploaded' | 'mounted' | 'present';

export interface BlobRow {
  /** `<repository> <digest>`: one blob can go to several repositories. */
  readonly key: string;
  readonly label: string;
  readonly size: number;
  readonly sent: number;
  readonly state: BlobState;
}

export interface TagMoved {
  readonly reference: string;
  readonly digest: string;
}

export interface PublishProgress {
  readonly step: PublishStep | undefined;
  /** In the order the blobs started. */
  readonly blobs: ReadonlyMap<string, BlobRow>;
  readonly manifests: number;
  /** The installer images whose factory signature verified. */
  readonly signatures: readonly string[];
  readonly tags: readonly TagMoved[];
  readonly warnings: readonly string[];
}

export const NO_PUBLISH_PROGRESS: PublishProgress = {
  step: undefined,
  blobs: new Map(),
  manifests: 0,
  signatures: [],
  tags: [],
  warnings: [],
};

const DONE_STATE = { uploaded: 'uploaded', mounted: 'mounted', skipped: 'present' } as const;

export function isBlobDone(row: BlobRow): boolean {
  return row.state === 'uploaded' || row.state === 'mounted' || row.state === 'present';
}

export function applyPublishEvent(progress: PublishProgress, event: PublishEvent): PublishProgress {
  switch (event.type) {
    case 'step':
      return { ...progress, step: event.step };
    case 'signature':
      return event.status === 'verified'
        ? { ...progress, signatures: [...progress.signatures, event.image] }
        : progress;
    case 'tag':
      return {
        ...progress,
        tags: [...progress.tags, { reference: event.reference, digest: event.digest }],
      };
    case 'warning':
      return { ...progress, warnings: [...progress.warnings, event.message] };
    case 'copy': {
      const copy = event.event;
      const key = (digest: string) => `${event.repository} ${digest}`;
      switch (copy.type) {
        case 'manifest-done':
          return { ...progress, manifests: progress.manifests + 1 };
        case 'blob-start': {
          const { digest, size } = copy.descriptor;
          const label = event.label ?? `${lastSegment(event.repository)} ${digest.slice(7, 19)}`;
          return withBlob(progress, { key: key(digest), label, size, sent: 0, state: 'checking' });
        }
        case 'blob-progress': {
          const row = progress.blobs.get(key(copy.digest));
          if (!row) return progress;
          return withBlob(progress, { ...row, sent: copy.sentBytes, state: 'sending' });
        }
        case 'blob-done': {
          const row = progress.blobs.get(key(copy.digest));
          if (!row) return progress;
          return withBlob(progress, { ...row, sent: row.size, state: DONE_STATE[copy.how] });
        }
      }
    }
  }
}

function withBlob(progress: PublishProgress, row: BlobRow): PublishProgress {
  const blobs = new Map(progress.blobs);
  blobs.set(row.key, row);
  return { ...progress, blobs };
}

function lastSegment(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}

export interface BlobWindow {
  readonly rows: readonly BlobRow[];
  /** Finished blobs left out of the window. */
  readonly moreDone: number;
  /** Blobs under way left out of the window (more running than rows). */
  readonly moreActive: number;
}

/**
 * At most `max` rows for an 80x24 terminal: every blob under way first, then the most recently
 * finished ones; the rest are counted, in the order they started.
 */
export function blobWindow(progress: PublishProgress, max: number): BlobWindow {
  const all = [...progress.blobs.values()];
  const active = all.filter((row) => !isBlobDone(row));
  const done = all.filter(isBlobDone);
  const shownActive = active.slice(0, max);
  const shownDone = done.slice(Math.max(0, done.length - (max - shownActive.length)));
  const shown = new Set([...shownActive, ...shownDone]);
  return {
    rows: all.filter((row) => shown.has(row)),
    moreDone: done.length - shownDone.length,
    moreActive: active.length - shownActive.length,
  };
}

export interface BlobTotals {
  readonly blobs: number;
  readonly done: number;
  readonly sentBytes: number;
  readonly totalBytes: number;
  readonly uploaded: number;
  readonly mounted: number;
  readonly present: number;
}

export function blobTotals(progress: PublishProgress): BlobTotals {
  const rows = [...progress.blobs.values()];
  const count = (state: BlobState) => rows.filter((row) => row.state === state).length;
  return {
    blobs: rows.length,
    done: rows.filter(isBlobDone).length,
    sentBytes: rows.reduce(
      (sum, row) => sum + (row.state === 'sending' || row.state === 'uploaded' ? row.sent : 0),
      0,
    ),
    totalBytes: rows.reduce((sum, row) => sum + row.size, 0),
    uploaded: count('uploaded'),
    mounted: count('mounted'),
    present: count('present'),
  };
}

export const STEP_TEXT: Record<PublishStep, string> = {
  check: 'Checking that no tag would move away from someone else’s content…',
  signatures: 'Checking the factory’s cosign signatures…',
  installers: 'Mirroring the installers by digest…',
  release: 'Pushing the release files as an OCI artifact…',
  tags: 'Moving the tags (the channel last)…',
  record: 'Recording where the release went…',
};
