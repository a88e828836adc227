// The thin switch: one component per step, each given only its own step's data.
import type { ReleaseRequest } from '../core/pipeline/index.js';
import { assertNever } from './state/assert-never.js';
import type { WizardAction } from './state/actions.js';
import type { WizardStep } from './state/steps.js';
import { ConfirmStep } from './steps/confirm-step.js';
import { DetailsStep } from './steps/details/details-step.js';
import { DownloadStep } from './steps/download/download-step.js';
import { ExtensionsStep } from './steps/extensions/extensions-step.js';
import { ErrorView, FailedStep } from './steps/failed-step.js';
import { BundleStep } from './steps/bundle/bundle-step.js';
import { DoneStep } from './steps/done-step.js';
import { CancelledView, FinishedView, LeftView } from './steps/final-views.js';
import { PublishChoiceStep } from './steps/publish/publish-choice-step.js';
import { PublishStep } from './steps/publish/publish-step.js';
import { PreviewStep } from './steps/preview/preview-step.js';
import { StartStep } from './steps/start-step.js';
import { TargetsStep } from './steps/targets/targets-step.js';
import { VersionStep } from './steps/version/version-step.js';
import {
  InstallerStep,
  LoadingExtensionsStep,
  PlanningStep,
  SubmitStep,
  WritingStep,
} from './steps/working-steps.js';

export interface StepScreenProps {
  readonly step: WizardStep;
  readonly request: ReleaseRequest;
  /** False while the help covers the screen: the step's keys are off. */
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function StepScreen({ step, request, isActive, dispatch }: StepScreenProps) {
  switch (step.kind) {
    case 'starting':
      return <StartStep request={request} dispatch={dispatch} />;
    case 'choose-version':
      return (
        <VersionStep
          session={step.session}
          highlighted={step.highlighted}
          isActive={isActive}
          dispatch={dispatch}
        />
      );
    case 'loading-extensions':
      return <LoadingExtensionsStep choice={step.choice} dispatch={dispatch} />;
    case 'choose-extensions':
      return (
        <ExtensionsStep
          talosVersion={step.choice.talosVersion}
          catalogue={step.catalogue}
          selected={step.selected}
          isActive={isActive}
          dispatch={dispatch}
        />
      );
    case 'choose-targets':
      return (
        <TargetsStep
          choice={step.choice}
          selected={step.selected}
          isActive={isActive}
          dispatch={dispatch}
        />
      );
    case 'details':
      return (
        <DetailsStep
          choice={step.choice}
          initial={step.initial}
          isActive={isActive}
          dispatch={dispatch}
        />
      );
    case 'planning':
      return <PlanningStep choice={step.choice} dispatch={dispatch} />;
    case 'preview':
      return <PreviewStep planned={step.planned} isActive={isActive} dispatch={dispatch} />;
    case 'submitting':
      return <SubmitStep planned={step.planned} dispatch={dispatch} />;
    case 'downloading':
      return <DownloadStep planned={step.planned} dispatch={dispatch} />;
    case 'resolving-installer':
      return <InstallerStep downloaded={step.downloaded} dispatch={dispatch} />;
    case 'confirm':
      return <ConfirmStep ready={step.ready} isActive={isActive} dispatch={dispatch} />;
    case 'choose-publish':
      return <PublishChoiceStep ready={step.ready} isActive={isActive} dispatch={dispatch} />;
    case 'writing':
      return <WritingStep ready={step.ready} dispatch={dispatch} />;
    case 'publishing':
      return <PublishStep ready={step.ready} publishTo={step.publishTo} dispatch={dispatch} />;
    case 'done':
      return (
        <DoneStep
          ready={step.ready}
          written={step.written}
          published={step.published}
          isActive={isActive}
          dispatch={dispatch}
        />
      );
    case 'bundling':
      return <BundleStep ready={step.ready} out={step.out} dispatch={dispatch} />;
    case 'finished':
      return (
        <FinishedView
          ready={step.ready}
          written={step.written}
          published={step.published}
          bundled={step.bundled}
        />
      );
    case 'left':
      return <LeftView downloaded={step.downloaded} />;
    case 'failed':
      return (
        <FailedStep
          error={step.error}
          canGoBack={step.back !== undefined}
          isActive={isActive}
          dispatch={dispatch}
        />
      );
    case 'quit':
      return <ErrorView error={step.error} />;
    case 'cancelled':
      return (
        <CancelledView
          partialDownload={step.partialDownload}
          writtenRelease={step.writtenRelease}
          bundleOut={step.bundling?.out}
        />
      );
    default:
      return assertNever(step);
  }
}
