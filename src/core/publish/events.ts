// What a publish reports while it runs: the command prints these, the wizard draws a row per blob.
import type { CopyEvent } from '../oci/index.js';

export type PublishStep = 'check' | 'signatures' | 'installers' | 'release' | 'tags' | 'record';

export type PublishEvent =
  | { readonly type: 'step'; readonly step: PublishStep }
  | {
      readonly type: 'signature';
      readonly image: string;
      readonly status: 'verified' | 'missing';
    }
  /** A blob or manifest moving into `repository`; `label` names it for people (a file, a layer). */
  | {
      readonly type: 'copy';
      readonly repository: string;
      readonly label: string | undefined;
      readonly event: CopyEvent;
    }
  | { readonly type: 'tag'; readonly reference: string; readonly digest: string }
  | { readonly type: 'warning'; readonly message: string };

export type PublishEventSink = (event: PublishEvent) => void;
