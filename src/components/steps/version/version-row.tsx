import { Box } from 'ink';
import type { ClassifiedVersion } from '../../../core/versions/index.js';
import { Tone } from '../../theme.js';

export interface VersionRowProps {
  readonly entry: ClassifiedVersion;
  readonly highlighted: boolean;
  readonly recommended: boolean;
  /** Set on the newest patch of the current release's minor line, e.g. `1.12`. */
  readonly newestPatchOf?: string | undefined;
  /** The default Kubernetes version, shown beside the highlighted row only. */
  readonly kubernetes: string | undefined;
}

export function VersionRow({
  entry,
  highlighted,
  recommended,
  newestPatchOf,
  kubernetes,
}: VersionRowProps) {
  return (
    <Box>
      <Tone
        tone={highlighted ? 'accent' : 'plain'}
      >{`${highlighted ? '›' : ' '} ${entry.version.padEnd(18)}`}</Tone>
      {recommended ? <Tone tone="good">recommended </Tone> : null}
      {newestPatchOf ? <Tone tone="accent">{`newest ${newestPatchOf} patch `}</Tone> : null}
      {entry.prerelease ? <Tone tone="warn">pre-release </Tone> : null}
      {highlighted && kubernetes ? (
        <Tone tone="muted">{`· Kubernetes ${kubernetes} by default`}</Tone>
      ) : null}
    </Box>
  );
}
