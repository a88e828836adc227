// What the screens ask of the release pipeline. The real implementation drives the same core
// steps as --yes; screen tests pass a fake. Every call is bound to the run's one AbortSignal.
import type { BundleResult } from '../../core/bundle/index.js';
import type { ExtensionInfo } from '../../core/catalogue/index.js';
import type { DownloadEvent, DownloadResult } from '../../core/download/index.js';
import type { ReleaseManifest } from '../../core/manifest/index.js';
import type {
  InstallerResolution,
  LoadedProject,
  ReleasePlan,
  TargetRequest,
  WrittenRelease,
} from '../../core/pipeline/index.js';
import type { PublishSettings } from '../../core/project-file/index.js';
import type { Publication, PublishEventSink } from '../../core/publish/index.js';
import type {
  DetailsChoice,
  DownloadedRelease,
  ExtensionChoice,
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
  /**
   * What each target weighs, from a HEAD (which also starts its build); undefined when the
   * factory does not say (a schematic it has not seen yet). Aborted with `signal`.
   */
  targetSizes(
    choice: ExtensionChoice,
    targets: readonly TargetRequest[],
    signal: AbortSignal,
  ): Promise<ReadonlyMap<string, number | undefined>>;
  /** Writes the targets into talos-release.yaml (comments kept); resolves with its path. */
  saveTargets(choice: ExtensionChoice, targets: readonly TargetRequest[]): Promise<string>;
  /** Every target, a few at a time; resolves with each one's result by target name. */
  download(
    planned: PlannedRelease,
    onEvent: (target: string, event: DownloadEvent) => void,
  ): Promise<ReadonlyMap<string, DownloadResult>>;
  /** Resolves the installer digest and assembles the manifest that Confirm shows. */
  resolveInstaller(
    downloaded: DownloadedRelease,
    onBuilding: (elapsedMs: number) => void,
  ): Promise<InstallerOutcome>;
  write(ready: ReadyRelease): Promise<WrittenRelease>;
  /** Writes `publish:` into talos-release.yaml (comments kept); resolves with its path. */
  savePublish(session: WizardSession, settings: PublishSettings): Promise<string>;
  /**
   * Publishes the written release to `to` (`<host[:port]>/<prefix>`), reporting every blob, signature
   * and tag; records it in releases/<version>.publish.json. Aborted with the run's signal.
   */
  publish(ready: ReadyRelease, to: string, onEvent: PublishEventSink): Promise<Publication>;
  /**
   * Writes the written release's air-gap bundle to `out` (absolute: `.tar` for one file, else a
   * directory), as `talos-release bundle` does; refuses a path that exists. Aborted with the run's
   * signal; the release stays written either way.
   */
  bundle(ready: ReadyRelease, out: string, onEvent: PublishEventSink): Promise<BundleResult>;
}
