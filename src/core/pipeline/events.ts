// What the pipeline tells whoever presents it: the wizard renders these, --yes prints them.
import type { DownloadEvent } from '../download/index.js';

export type PipelineStep =
  | 'load'
  | 'versions'
  | 'catalogue'
  | 'plan'
  | 'lock'
  | 'submit'
  | 'download'
  | 'installer'
  | 'write';

export type PipelineEvent =
  | { readonly type: 'step'; readonly step: PipelineStep; readonly message: string }
  | { readonly type: 'note'; readonly message: string }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'download'; readonly event: DownloadEvent }
  | { readonly type: 'installer-building'; readonly elapsedMs: number };

export type PipelineReporter = (event: PipelineEvent) => void;
