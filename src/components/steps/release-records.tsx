// Every image and installer of a release as Confirm and Done show them. Read from the manifest
// about to be written (or just written), so what is shown is what is recorded.
import { Box } from 'ink';
import { formatBytes } from '../../core/format/index.js';
import type { ReleaseManifest } from '../../core/manifest/index.js';
import { Tone } from '../theme.js';

const NAME_WIDTH = 26;
/** Hex digits of a SHA-256 that fit one 80-column row beside the name and the size. */
const SHORT_SHA = 32;

type Artifacts = NonNullable<ReleaseManifest['artifacts']>;
type Installers = NonNullable<ReleaseManifest['installers']>;

/** One row per artifact: name, size, SHA-256 (cut to fit; Done shows it whole). */
export function ArtifactRows({ artifacts }: { readonly artifacts: Artifacts }) {
  return (
    <Box flexDirection="column">
      {artifacts.map((a) => (
        <Tone key={a.name} tone="plain">
          {`  ${a.name.padEnd(NAME_WIDTH)} ${formatBytes(a.size).padStart(10)}  sha256 ${a.sha256.slice(0, SHORT_SHA)}…`}
        </Tone>
      ))}
    </Box>
  );
}

/** One row per installer: what it is and how it is pinned. */
export function InstallerRows({ installers }: { readonly installers: Installers }) {
  return (
    <Box flexDirection="column">
      {installers.map((i) => (
        <Tone key={i.image} tone={i.digest ? 'plain' : 'warn'}>
          {`  ${installerName(i)}`.padEnd(NAME_WIDTH + 2) +
            (i.digest
              ? ` pinned ${i.digest.slice(0, 19)}… (${i.architectures.map((a) => a.architecture).join(', ') || 'no architectures listed'})`
              : ' not pinned: the tag can move')}
        </Tone>
      ))}
    </Box>
  );
}

/** Done's record: each file with its whole SHA-256 (the installers follow in the epilogue). */
export function FullRecords({ artifacts }: { readonly artifacts: Artifacts }) {
  return (
    <Box flexDirection="column">
      <Tone tone="muted">Images (sha256 computed here while downloading):</Tone>
      {artifacts.map((a) => (
        <Box key={a.name} flexDirection="column">
          <Tone tone="plain">{`  ${a.localPath}`}</Tone>
          <Tone tone="muted">{`    sha256 ${a.sha256}`}</Tone>
        </Box>
      ))}
    </Box>
  );
}
function installerName(installer: Installers[number]): string {
  return `${installer.platform}${installer.secureboot ? '-secureboot' : ''} installer`;
}
