// What the pipeline tells whoever presents it: the wizard renders these, --yes prints them.
import type { DownloadEvent } from '../download/index.js';
import type { PipelineStep } from './release-steps.js';

export type { PipelineStep } from './release-steps.js';

export type PipelineEvent =
  | {
      readonly type: 'step';
      readonly step: PipelineStep;
      /** "n/total" in the session's step list. */
      readonly position: string;
      readonly message: string;
    }
  | { readonly type: 'note'; readonly message: string }
  | { readonly type: 'warning'; readonly message: string }
  | {
      readonly type: 'download';
      readonly event: DownloadEvent;
      /** The target's asset name, when a release has more than one. */
      readonly target?: string | undefined;
    }
  | { readonly type: 'installer-building'; readonly elapsedMs: number };

export type PipelineReporter = (event: PipelineEvent) => void;
