// One row per target (two lines each: name, bar, state; then bytes, rate, SHA-256 so far), a
// window of them when they do not all fit, and the total line.
import { Box } from 'ink';
import { formatBytes, formatRate } from '../../../core/format/index.js';
import type { PlannedTarget } from '../../../core/pipeline/index.js';
import { ProgressBar } from '../../common/progress-bar.js';
import { Tone } from '../../theme.js';
import type { ToneName } from '../../theme.js';
import { NO_TARGET_PROGRESS, targetsTotal } from './target-progress.js';
import type { TargetProgress, TargetState, TargetsProgress } from './target-progress.js';

const NAME_WIDTH = 28;
const BAR_WIDTH = 24;
const SHORT_SHA = 12;

const STATE_TONE: Record<TargetState, ToneName> = {
  waiting: 'muted',
  building: 'warn',
  checking: 'muted',
  downloading: 'accent',
  retrying: 'warn',
  reused: 'good',
  done: 'good',
  failed: 'bad',
};

export interface TargetRowsViewProps {
  readonly targets: readonly PlannedTarget[];
  readonly progress: TargetsProgress;
  /** How many targets fit on screen at once. */
  readonly visible: number;
}

export function TargetRowsView({ targets, progress, visible }: TargetRowsViewProps) {
  const of = (target: PlannedTarget): TargetProgress =>
    progress.get(target.name) ?? NO_TARGET_PROGRESS;
  // The window starts at the first target still under way, so finished ones scroll away.
  const firstOpen = targets.findIndex((t) => !['done', 'reused'].includes(of(t).state));
  const start = Math.max(0, Math.min(firstOpen < 0 ? 0 : firstOpen, targets.length - visible));
  const shown = targets.slice(start, start + visible);
  const total = targetsTotal(
    targets.map((t) => t.name),
    progress,
  );
  const below = targets.length - start - shown.length;
  return (
    <Box flexDirection="column">
      <Tone tone="muted">{start > 0 ? `  ↑ ${start} finished above` : ' '}</Tone>
      {shown.map((target) => (
        <TargetRow key={target.name} name={target.name} progress={of(target)} />
      ))}
      <Tone tone="muted">{below > 0 ? `  ↓ ${below} more` : ' '}</Tone>
      <Tone tone="strong">
        {[
          `Total ${formatBytes(total.bytes)}${total.total === undefined ? '' : ` of ${formatBytes(total.total)}`}`,
          formatRate(total.rateBytesPerSec),
          `${total.finished}/${targets.length} finished`,
        ].join(' · ')}
      </Tone>
    </Box>
  );
}

function TargetRow({
  name,
  progress,
}: {
  readonly name: string;
  readonly progress: TargetProgress;
}) {
  const { bytes, total } = progress;
  const sha = progress.sha256SoFar ? `${progress.sha256SoFar.slice(0, SHORT_SHA)}…` : '…';
  return (
    <Box flexDirection="column">
      <Box>
        <Tone tone="plain">{name.padEnd(NAME_WIDTH).slice(0, NAME_WIDTH)}</Tone>
        <ProgressBar done={bytes} total={total} width={BAR_WIDTH} />
        <Tone tone={STATE_TONE[progress.state]}>{`  ${stateText(progress)}`}</Tone>
      </Box>
      <Tone tone="muted">
        {`  ${formatBytes(bytes)}${total === undefined ? '' : ` of ${formatBytes(total)}`} · ${formatRate(progress.rateBytesPerSec)} · sha256 ${sha}`}
      </Tone>
    </Box>
  );
}

function stateText(progress: TargetProgress): string {
  if (progress.state === 'building' && progress.buildingMs !== undefined)
    return `building ${Math.round(progress.buildingMs / 1000)}s`;
  return progress.state;
}
