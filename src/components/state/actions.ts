// Everything that can happen to the wizard: a screen's answer, a task's result, or a global key.
import type { BundleResult } from '../../core/bundle/index.js';
import type { DownloadResult } from '../../core/download/index.js';
import type { ExtensionInfo } from '../../core/catalogue/index.js';
import type { ReleaseManifest } from '../../core/manifest/index.js';
import type {
  InstallerResolution,
  LoadedProject,
  ReleasePlan,
  TargetRequest,
  WrittenRelease,
} from '../../core/pipeline/index.js';
import type { Publication } from '../../core/publish/index.js';
import type { ReleaseDetails, WizardSession } from './steps.js';

export type WizardAction =
  | { readonly type: 'started'; readonly session: WizardSession }
  | { readonly type: 'version-chosen'; readonly talosVersion: string }
  | { readonly type: 'extensions-loaded'; readonly catalogue: readonly ExtensionInfo[] }
  | { readonly type: 'extensions-chosen'; readonly extensions: readonly string[] }
  | { readonly type: 'targets-chosen'; readonly targets: readonly TargetRequest[] }
  | { readonly type: 'details-entered'; readonly details: ReleaseDetails }
  | { readonly type: 'planned'; readonly project: LoadedProject; readonly plan: ReleasePlan }
  | { readonly type: 'preview-accepted' }
  | { readonly type: 'submitted' }
  | { readonly type: 'downloaded'; readonly downloads: ReadonlyMap<string, DownloadResult> }
  | {
      readonly type: 'installer-resolved';
      readonly installer: InstallerResolution;
      readonly manifest: ReleaseManifest;
    }
  | { readonly type: 'write-confirmed' }
  | { readonly type: 'write-declined' }
  /** The Publish step's answer: a destination, or undefined to skip publishing. */
  | { readonly type: 'publish-chosen'; readonly to: string | undefined }
  | { readonly type: 'written'; readonly written: WrittenRelease }
  | { readonly type: 'published'; readonly publication: Publication }
  /** Done: bundle for an air-gapped site into `out` (absolute: a .tar file or a directory). */
  | { readonly type: 'bundle'; readonly out: string }
  | { readonly type: 'bundled'; readonly result: BundleResult }
  /** Done: end the wizard without a bundle. */
  | { readonly type: 'finish' }
  /** Esc. A screen passes what the operator has typed or ticked so coming back keeps it. */
  | {
      readonly type: 'back';
      readonly extensions?: readonly string[] | undefined;
      readonly targets?: readonly TargetRequest[] | undefined;
      readonly details?: ReleaseDetails | undefined;
    }
  | { readonly type: 'failed'; readonly error: unknown }
  | { readonly type: 'retry' }
  | { readonly type: 'quit' }
  | { readonly type: 'cancel' }
  | { readonly type: 'toggle-help' };
