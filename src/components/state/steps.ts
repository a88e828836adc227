// The wizard as one discriminated union: each step carries exactly what its screen needs, so a
// screen can never see data that does not exist yet (no download progress before a plan).
import type { BundleResult } from '../../core/bundle/index.js';
import type { ExtensionInfo } from '../../core/catalogue/index.js';
import type { DownloadResult } from '../../core/download/index.js';
import type { ReleaseManifest } from '../../core/manifest/index.js';
import type {
  InstallerResolution,
  LoadedProject,
  ReleasePlan,
  ReleaseRequest,
  TargetRequest,
  WrittenRelease,
} from '../../core/pipeline/index.js';
import type { PublishSettings } from '../../core/project-file/index.js';
import type { Publication } from '../../core/publish/index.js';
import type { ClassifiedVersion } from '../../core/versions/index.js';
import type { ShownError } from './describe-error.js';

/** What the start step loaded: fixed for the rest of the run. */
export interface WizardSession {
  readonly request: ReleaseRequest;
  readonly project: LoadedProject;
  /** Newest first. */
  readonly versions: readonly ClassifiedVersion[];
  /** The newest stable version, pre-selected and marked as recommended. */
  readonly recommended: string | undefined;
  /** Highlighted first: the --talos-version flag's match, else the recommended version. */
  readonly preselected: string | undefined;
  /** Release details taken from the channel's current release (Kubernetes follows the version). */
  readonly defaults: SessionDefaults;
  /** `publish:` from talos-release.yaml: where the Publish step points, and whether it skips. */
  readonly publish: PublishSettings;
}

export interface SessionDefaults {
  readonly releaseVersion: string;
  /** Undefined on a first release: the operator must type it. */
  readonly appVersion: string | undefined;
  readonly valuesProfile: string;
}

/** The release details screen's answers, as typed. */
export interface ReleaseDetails {
  readonly releaseVersion: string;
  readonly channel: string;
  readonly kubernetesVersion: string;
  readonly appVersion: string;
  readonly valuesProfile: string;
}

/** Answers given on later screens, kept while the operator goes back to change an earlier one. */
export interface KeptAnswers {
  /** The Talos version the kept answers were given for. */
  readonly talosVersion: string | undefined;
  readonly extensions: readonly string[] | undefined;
  /** The picked targets, the primary first. */
  readonly targets?: readonly TargetRequest[] | undefined;
  readonly details: ReleaseDetails | undefined;
}

export interface VersionChoice {
  readonly session: WizardSession;
  readonly talosVersion: string;
}

export interface ExtensionChoice extends VersionChoice {
  readonly catalogue: readonly ExtensionInfo[];
  /** The ticked official extensions, sorted. */
  readonly extensions: readonly string[];
}

export interface TargetsChoice extends ExtensionChoice {
  /** The images to release, the primary first. */
  readonly targets: readonly TargetRequest[];
}

export interface DetailsChoice extends TargetsChoice {
  readonly details: ReleaseDetails;
}

/** A plan together with the project it was made against (reloaded for the chosen channel). */
export interface PlannedRelease {
  readonly choice: DetailsChoice;
  readonly project: LoadedProject;
  readonly plan: ReleasePlan;
}

export interface DownloadedRelease extends PlannedRelease {
  /** The first ISO target's download: what `os.iso` records. */
  readonly iso: DownloadResult;
  /** Every target's download, by target name. */
  readonly downloads: ReadonlyMap<string, DownloadResult>;
}

export interface ReadyRelease extends DownloadedRelease {
  readonly installer: InstallerResolution;
  readonly manifest: ReleaseManifest;
}

export type WizardStep =
  | { readonly kind: 'starting' }
  | {
      readonly kind: 'choose-version';
      readonly session: WizardSession;
      /** Highlighted when the screen opens. */
      readonly highlighted: string | undefined;
      readonly kept: KeptAnswers;
    }
  | {
      readonly kind: 'loading-extensions';
      readonly choice: VersionChoice;
      readonly kept: KeptAnswers;
    }
  | {
      readonly kind: 'choose-extensions';
      readonly choice: VersionChoice;
      readonly catalogue: readonly ExtensionInfo[];
      /** Ticked when the screen opens. */
      readonly selected: readonly string[];
      readonly kept: KeptAnswers;
    }
  | {
      readonly kind: 'choose-targets';
      readonly choice: ExtensionChoice;
      /** Picked when the screen opens, the primary first. */
      readonly selected: readonly TargetRequest[];
      readonly kept: KeptAnswers;
    }
  | {
      readonly kind: 'details';
      readonly choice: TargetsChoice;
      readonly initial: ReleaseDetails;
    }
  | { readonly kind: 'planning'; readonly choice: DetailsChoice }
  | { readonly kind: 'preview'; readonly planned: PlannedRelease }
  | { readonly kind: 'submitting'; readonly planned: PlannedRelease }
  | { readonly kind: 'downloading'; readonly planned: PlannedRelease }
  | { readonly kind: 'resolving-installer'; readonly downloaded: DownloadedRelease }
  | { readonly kind: 'confirm'; readonly ready: ReadyRelease }
  /** Asked after Confirm, before anything is written, so the operator can walk away after it. */
  | { readonly kind: 'choose-publish'; readonly ready: ReadyRelease }
  | {
      readonly kind: 'writing';
      readonly ready: ReadyRelease;
      /** `<host[:port]>/<prefix>` to publish to once written; undefined to skip. */
      readonly publishTo: string | undefined;
    }
  | {
      readonly kind: 'publishing';
      readonly ready: ReadyRelease;
      readonly written: WrittenRelease;
      readonly publishTo: string;
    }
  /** The release is written (and published): the screen offers a bundle before the wizard ends. */
  | ({ readonly kind: 'done' } & CompletedRelease)
  /** Writing the air-gap bundle to `out` (an absolute path: a .tar file or a directory). */
  | ({ readonly kind: 'bundling'; readonly out: string } & CompletedRelease)
  /** The wizard's end after a written release: exit 0 and the epilogue. */
  | ({
      readonly kind: 'finished';
      /** The air-gap bundle, when the operator asked for one. */
      readonly bundled?: BundleResult | undefined;
    } & CompletedRelease)
  /** The operator declined to write: the ISO stays for the next run. */
  | { readonly kind: 'left'; readonly downloaded: DownloadedRelease }
  | {
      readonly kind: 'failed';
      readonly error: ShownError;
      /** The step that failed; `r` runs it again. */
      readonly retry: WizardStep;
      /** Where Esc goes, when going back is safe. */
      readonly back: WizardStep | undefined;
    }
  | { readonly kind: 'quit'; readonly error: ShownError }
  | {
      readonly kind: 'cancelled';
      readonly partialDownload: string | undefined;
      /** The release version already written when a publish was cancelled. */
      readonly writtenRelease?: string | undefined;
      /** A bundle cancelled after the release was written: its epilogue still applies. */
      readonly bundling?: (CompletedRelease & { readonly out: string }) | undefined;
    };

/** A release written to disk, and where it was published if it was. */
export interface CompletedRelease {
  readonly ready: ReadyRelease;
  readonly written: WrittenRelease;
  /** Where the release went, when it was published. */
  readonly published?: Publication | undefined;
}

export type StepKind = WizardStep['kind'];

/** Steps after which the wizard ends; the root exits with their code. */
export type FinalStep = Extract<WizardStep, { kind: 'finished' | 'left' | 'quit' | 'cancelled' }>;

export function isFinalStep(step: WizardStep): step is FinalStep {
  return (
    step.kind === 'finished' ||
    step.kind === 'left' ||
    step.kind === 'quit' ||
    step.kind === 'cancelled'
  );
}
