import { Box } from 'ink';
import { diffLines } from '../../common/line-diff.js';
import { Tone } from '../../theme.js';

/** Enough for a changed extension list; more would push the preview past 24 lines. */
const MAX_LINES = 6;

export interface SchematicDiffProps {
  readonly path: string;
  readonly update: { readonly before: string; readonly after: string } | undefined;
}

/** What changes in the schematic file: only the changed lines, at most a few. */
export function SchematicDiff({ path, update }: SchematicDiffProps) {
  if (!update) return <Tone tone="muted">{`${path}: unchanged`}</Tone>;
  const changed = diffLines(update.before, update.after).filter((line) => line.kind !== 'same');
  const shown = changed.slice(0, MAX_LINES);
  return (
    <Box flexDirection="column">
      <Tone tone="plain">{`${path} will change:`}</Tone>
      {shown.map((line, index) => (
        <Tone key={index} tone={line.kind === 'added' ? 'good' : 'bad'}>
          {`  ${line.kind === 'added' ? '+' : '-'} ${line.text}`}
        </Tone>
      ))}
      {changed.length > shown.length ? (
        <Tone tone="muted">{`  … ${changed.length - shown.length} more changed lines`}</Tone>
      ) : null}
    </Box>
  );
}
