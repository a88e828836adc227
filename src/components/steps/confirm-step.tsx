// Step 7: the manifest and the channel update about to be written. Enter or y writes; n leaves
// without writing, and the downloaded ISO stays for the next run.
import { Box } from 'ink';
import { formatBytes } from '../../core/format/index.js';
import { isGlobalKey, isKey } from '../keys.js';
import { Footer } from '../common/footer.js';
import { StepTitle } from '../common/step-title.js';
import type { WizardAction } from '../state/actions.js';
import type { ReadyRelease } from '../state/steps.js';
import { Tone } from '../theme.js';
import { ArtifactRows, InstallerRows } from './release-records.js';
import { useKeys } from '../common/use-keys.js';
import { screenPosition } from '../state/screens.js';

export interface ConfirmStepProps {
  readonly ready: ReadyRelease;
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function ConfirmStep({ ready, isActive, dispatch }: ConfirmStepProps) {
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    if (isKey('submit', input, key) || isKey('yes', input, key))
      dispatch({ type: 'write-confirmed' });
    else if (isKey('no', input, key)) dispatch({ type: 'write-declined' });
  }, isActive);
  const { plan, manifest, project } = ready;
  const previous = project.channel?.current.releaseVersion;
  // One ISO and one installer keep today's rows; more get one row each.
  const several = (manifest.artifacts?.length ?? 0) > 1 || (manifest.installers?.length ?? 0) > 1;
  return (
    <Box flexDirection="column">
      <StepTitle position={screenPosition('confirm')} title="Write the release?" />
      <Box flexDirection="column" marginTop={1}>
        <Row label="Manifest" value={plan.paths.manifestRelative} />
        <Row label="Release" value={`${manifest.releaseVersion} on ${manifest.channel}`} />
        <Row
          label="Talos"
          value={`${manifest.talos.version} · Kubernetes ${manifest.kubernetes.version}`}
        />
        <Row label="App" value={`${manifest.app.version} · values ${manifest.app.valuesProfile}`} />
        <Row label="Schematic" value={manifest.talos.schematicId} />
        {several ? null : (
          <>
            <Row label="ISO sha256" value={manifest.os.iso.sha256} />
            <Row label="ISO size" value={formatBytes(manifest.os.iso.size)} />
            <Row
              label="Installer"
              value={
                ready.installer.digest
                  ? `pinned by digest ${ready.installer.digest.slice(0, 19)}… (full reference above)`
                  : `${manifest.os.installer.image} (no digest: the tag can move)`
              }
            />
          </>
        )}
        <Row
          label="Channel"
          value={`${plan.paths.channelRelative}: ${previous ? `${previous} → ` : 'new, current '}${manifest.releaseVersion}`}
        />
        {plan.schematicFileUpdate ? (
          <Row label="Schematic" value={`${plan.paths.schematicRelative} (extensions updated)`} />
        ) : null}
      </Box>
      {several ? (
        <Box flexDirection="column" marginTop={1}>
          <ArtifactRows artifacts={manifest.artifacts ?? []} />
          <InstallerRows installers={manifest.installers ?? []} />
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Tone tone="strong">
          Write the manifest and make it current on {manifest.channel}? [Y/n]
        </Tone>
      </Box>
      <Footer hints="confirm" />
    </Box>
  );
}

function Row({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Box>
      <Box width={12} flexShrink={0}>
        <Tone tone="muted">{label}</Tone>
      </Box>
      <Tone tone="plain">{value}</Tone>
    </Box>
  );
}
