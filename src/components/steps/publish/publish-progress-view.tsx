// The publish screen's body: a row per blob (at most MAX_BLOB_ROWS, the rest counted), a line per
// verified signature, the last tags moved and the warnings, sized for an 80x24 terminal.
import { Box } from 'ink';
import { formatBytes } from '../../../core/format/index.js';
import { ProgressBar } from '../../common/progress-bar.js';
import { plural } from '../../state/finished.js';
import { Tone } from '../../theme.js';
import type { ToneName } from '../../theme.js';
import { blobTotals, blobWindow, STEP_TEXT } from './publish-progress.js';
import type { BlobRow, BlobState, PublishProgress } from './publish-progress.js';

export const MAX_BLOB_ROWS = 8;
const MAX_SIGNATURES = 2;
const MAX_TAGS = 2;
const MAX_WARNINGS = 2;
const LABEL_WIDTH = 28;
const BAR_WIDTH = 14;

const STATE_TONE: Record<BlobState, ToneName> = {
  checking: 'muted',
  sending: 'accent',
  uploaded: 'good',
  mounted: 'good',
  present: 'good',
};

/** A bundle copies into a folder on this disk: nothing is uploaded or mounted there. */
const BUNDLE_WORDS: Partial<Record<BlobState, string>> = {
  uploaded: 'fetched',
  mounted: 'fetched',
};

export function PublishProgressView({
  progress,
  into = 'registry',
}: {
  readonly progress: PublishProgress;
  /** Where the blobs go: a registry (publish) or the bundle's image layout. */
  readonly into?: 'registry' | 'bundle';
}) {
  const bundle = into === 'bundle';
  const window = blobWindow(progress, MAX_BLOB_ROWS);
  const totals = blobTotals(progress);
  const more = [
    ...(window.moreDone > 0 ? [`+${window.moreDone} more done`] : []),
    ...(window.moreActive > 0 ? [`+${window.moreActive} more under way`] : []),
  ];
  return (
    <Box flexDirection="column">
      <Tone tone="plain">
        {progress.step
          ? STEP_TEXT[progress.step]
          : bundle
            ? 'Fetching the installers by digest, then writing the bundle…'
            : 'Connecting to the registry…'}
      </Tone>
      <Tail
        lines={progress.signatures.map((image) => `✔ signature verified: ${image}`)}
        max={MAX_SIGNATURES}
        tone="good"
        more={(n) => `  +${n} more signatures verified`}
      />
      {window.rows.map((row) => (
        <BlobRowView key={row.key} row={row} words={bundle ? BUNDLE_WORDS : {}} />
      ))}
      {more.length > 0 ? <Tone tone="muted">{`  ${more.join(' · ')}`}</Tone> : null}
      {totals.blobs > 0 ? (
        <Tone tone="strong" wrap="truncate-end">
          {[
            `${totals.done}/${plural(totals.blobs, 'blob')}`,
            ...(bundle
              ? [`${formatBytes(totals.sentBytes)} fetched`, `${totals.present} present`]
              : [
                  `${formatBytes(totals.sentBytes)} sent`,
                  `${totals.mounted} mounted`,
                  `${totals.present} present`,
                ]),
            plural(progress.manifests, 'manifest'),
          ].join(' · ')}
        </Tone>
      ) : null}
      <Tail
        lines={progress.tags.map((tag) => `→ ${tag.reference} @ ${tag.digest.slice(0, 19)}`)}
        max={MAX_TAGS}
        tone="good"
        more={(n) => `  ${plural(n, 'earlier tag')} moved`}
      />
      <Tail
        lines={progress.warnings.map((warning) => `! ${warning}`)}
        max={MAX_WARNINGS}
        tone="warn"
        more={(n) => `  +${plural(n, 'earlier warning')}`}
        wrap
      />
    </Box>
  );
}

function BlobRowView({
  row,
  words,
}: {
  readonly row: BlobRow;
  readonly words: Partial<Record<BlobState, string>>;
}) {
  const label =
    row.label.length > LABEL_WIDTH ? `${row.label.slice(0, LABEL_WIDTH - 1)}…` : row.label;
  const bytes =
    row.state === 'sending'
      ? `${formatBytes(row.sent)} / ${formatBytes(row.size)}`
      : formatBytes(row.size);
  return (
    <Box>
      <Tone tone="plain">{label.padEnd(LABEL_WIDTH + 1)}</Tone>
      <ProgressBar
        done={row.state === 'checking' ? 0 : row.sent}
        total={row.size}
        width={BAR_WIDTH}
      />
      <Tone tone={STATE_TONE[row.state]}>{` ${(words[row.state] ?? row.state).padEnd(8)}`}</Tone>
      <Tone tone="muted">{` ${bytes}`}</Tone>
    </Box>
  );
}

/** The last `max` lines; the earlier ones are counted on a line before them. */
function Tail({
  lines,
  max,
  tone,
  more,
  wrap = false,
}: {
  readonly lines: readonly string[];
  readonly max: number;
  readonly tone: ToneName;
  readonly more: (hidden: number) => string;
  /** Wrap long lines instead of cutting them (warnings must be read whole). */
  readonly wrap?: boolean;
}) {
  const hidden = Math.max(0, lines.length - max);
  return (
    <>
      {hidden > 0 ? <Tone tone="muted">{more(hidden)}</Tone> : null}
      {lines.slice(hidden).map((line, index) => (
        <Tone key={hidden + index} tone={tone} wrap={wrap ? 'wrap' : 'truncate-end'}>
          {line}
        </Tone>
      ))}
    </>
  );
}
