// What the screens ask of the release pipeline. The real implementation drives the same core
// steps as --yes; screen tests pass a fake. Every call is bound to the run's one AbortSignal.
import type { ExtensionInfo } from '../../core/catalogue/index.js';
import type { DownloadEvent, DownloadResult } from '../../core/download/index.js';
import type { ReleaseManifest } from '../../core/manifest/index.js';
import type { InstallerResolution } from '../../core/pipeline/index.js';
import type { ReleasePlan } from '../../core/pipeline/index.js';
import type { LoadedProject } from '../../core/pipeline/index.js';
import type { WrittenRelease } from '../../core/pipeline/index.js';
import type {
  DetailsChoice,
  DownloadedRelease,
  PlannedRelease,
  ReadyRelease,
  SessionDefaults,
  WizardSession,
} from '../state/steps.js';

export interface InstallerOutcome {
  readonly installer: InstallerResolution;
  readonly manifest: ReleaseManifest;
}

/** What a channel's current release suggests for the next one. */
export interface ChannelDefaults {
  readonly channel: string;
  /** The channel's current release version; undefined before its first release. */
  readonly current: string | undefined;
  readonly defaults: SessionDefaults;
}

export interface WizardServices {
  /** Loads the schematic, the channel and the factory's version list. */
  start(): Promise<WizardSession>;
  listExtensions(talosVersion: string): Promise<readonly ExtensionInfo[]>;
  /** Reads another channel's current release, for the details typed against it. */
  channelDefaults(channel: string): Promise<ChannelDefaults>;
  /** Reloads the project for the chosen channel and works the release out in full. */
  plan(
    choice: DetailsChoice,
  ): Promise<{ readonly project: LoadedProject; readonly plan: ReleasePlan }>;
  /** Takes the repository lock (held until the run ends), then submits and checks the ID. */
  submit(planned: PlannedRelease): Promise<void>;
  download(
    planned: PlannedRelease,
    onEvent: (event: DownloadEvent) => void,
  ): Promise<DownloadResult>;
  /** Resolves the installer digest and assembles the manifest that Confirm shows. */
  resolveInstaller(
    downloaded: DownloadedRelease,
    onBuilding: (elapsedMs: number) => void,
  ): Promise<InstallerOutcome>;
  write(ready: ReadyRelease): Promise<WrittenRelease>;
}
