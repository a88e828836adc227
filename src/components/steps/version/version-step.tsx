// Step 2: the Talos version. Newest first, the latest stable highlighted and marked, typing filters;
// the newest patch of the current release's minor is marked too, the usual next step.
import { Box } from 'ink';
import { defaultKubernetesVersion } from '../../../core/kubernetes/index.js';
import { newestPatchOf } from '../../../core/status/index.js';
import type { ClassifiedVersion } from '../../../core/versions/index.js';
import { Footer } from '../../common/footer.js';
import { FilterLine } from '../../common/filter-line.js';
import { StepTitle } from '../../common/step-title.js';
import { useListHeight } from '../../common/use-list-height.js';
import { WindowedList } from '../../common/windowed-list.js';
import type { WizardAction } from '../../state/actions.js';
import type { WizardSession } from '../../state/steps.js';
import { Tone } from '../../theme.js';
import { useVersionInput } from './use-version-input.js';
import { useVersionList } from './use-version-list.js';
import { VersionRow } from './version-row.js';
import { screenPosition } from '../../state/screens.js';

/** Rows the rest of this screen takes: title, prompt, filter, scroll lines, footer, margins. */
const RESERVED_ROWS = 11;

export interface VersionStepProps {
  readonly session: WizardSession;
  readonly highlighted: string | undefined;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function VersionStep({ session, highlighted, isActive, dispatch }: VersionStepProps) {
  const list = useVersionList(session.versions, highlighted);
  const height = useListHeight(RESERVED_ROWS);
  useVersionInput({
    list,
    pageSize: height,
    isActive,
    onChoose: (talosVersion) => dispatch({ type: 'version-chosen', talosVersion }),
  });
  const current = list.highlighted;
  const line = currentLine(session);
  return (
    <Box flexDirection="column">
      <StepTitle position={screenPosition('choose-version')} title="Talos version" />
      <Tone tone="plain">Choose the Talos version to build (newest first):</Tone>
      <FilterLine
        filter={list.filter}
        matches={list.visible.length}
        total={session.versions.length}
        placeholder="type e.g. 1.11 to narrow the list"
      />
      <WindowedList
        items={list.visible}
        cursor={list.cursor}
        height={height}
        minRows={session.versions.length}
        keyOf={(entry: ClassifiedVersion) => entry.version}
        empty={`no listed version matches "${list.filter}" (esc clears the filter)`}
        renderRow={(entry, isHighlighted) => (
          <VersionRow
            entry={entry}
            highlighted={isHighlighted}
            recommended={entry.version === session.recommended}
            newestPatchOf={entry.version === line?.newest ? line.minor : undefined}
            kubernetes={isHighlighted && current ? kubernetesFor(current.version) : undefined}
          />
        )}
      />
      <Footer hints="version" />
    </Box>
  );
}

/** The current release's minor line and its newest patch, when the channel has a release. */
function currentLine(session: WizardSession): { minor: string; newest: string } | undefined {
  const released = session.project.currentManifest?.talos.version;
  const newest = released === undefined ? undefined : newestPatchOf(session.versions, released);
  const minor = session.versions.find((entry) => entry.version === newest)?.minor;
  return newest && minor ? { minor, newest } : undefined;
}

function kubernetesFor(talosVersion: string): string | undefined {
  try {
    return defaultKubernetesVersion(talosVersion);
  } catch {
    return undefined;
  }
}
