// The wizard's only state machine: a pure function from (state, action) to state, tested without
// Ink. An action that does not fit the current step (a late task result, a stray key) changes
// nothing, so a slow request can never drag the operator back to a screen they already left.
import { posix } from 'node:path';
import { assertNever } from './assert-never.js';
import type { WizardAction } from './actions.js';
import { safeStepAfterFailure, stepBefore } from './back.js';
import { describeError, isCancellation } from './describe-error.js';
import {
  downloadedLine,
  installerLine,
  startedLine,
  submittedLine,
  writtenLine,
} from './finished.js';
import { firstIsoDownload } from './first-iso.js';
import type { FinishedLine, FinishedText } from './finished.js';
import { initialDetails, initialExtensions, initialTargets } from './initial-answers.js';
import { isFinalStep } from './steps.js';
import type { CompletedRelease, PlannedRelease, ReadyRelease, WizardStep } from './steps.js';

export interface WizardState {
  readonly step: WizardStep;
  /** Whether the key help covers the screen. */
  readonly help: boolean;
  /** Records of finished steps, oldest first; append-only, for <Static>. */
  readonly finished: readonly FinishedLine[];
}

export const INITIAL_STATE: WizardState = { step: { kind: 'starting' }, help: false, finished: [] };

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  const { step } = state;
  const go = (next: WizardStep, line?: FinishedText): WizardState => ({
    step: next,
    help: false,
    finished: line ? [...state.finished, { ...line, id: state.finished.length }] : state.finished,
  });
  switch (action.type) {
    case 'started':
      if (step.kind !== 'starting') return state;
      return go(
        {
          kind: 'choose-version',
          session: action.session,
          highlighted: action.session.preselected,
          kept: { talosVersion: undefined, extensions: undefined, details: undefined },
        },
        startedLine(action.session),
      );
    case 'version-chosen':
      if (step.kind !== 'choose-version') return state;
      return go({
        kind: 'loading-extensions',
        choice: { session: step.session, talosVersion: action.talosVersion },
        kept: step.kept,
      });
    case 'extensions-loaded':
      if (step.kind !== 'loading-extensions') return state;
      return go({
        kind: 'choose-extensions',
        choice: step.choice,
        catalogue: action.catalogue,
        selected: initialExtensions(step.choice.session, step.kept),
        kept: step.kept,
      });
    case 'extensions-chosen':
      if (step.kind !== 'choose-extensions') return state;
      return go({
        kind: 'choose-targets',
        choice: {
          ...step.choice,
          catalogue: step.catalogue,
          extensions: [...action.extensions].sort(),
        },
        selected: initialTargets(step.choice.session, step.kept),
        kept: step.kept,
      });
    case 'targets-chosen': {
      if (step.kind !== 'choose-targets' || action.targets.length === 0) return state;
      const { session, talosVersion } = step.choice;
      return go({
        kind: 'details',
        choice: { ...step.choice, targets: action.targets },
        initial: initialDetails(session, talosVersion, step.kept),
      });
    }
    case 'details-entered':
      if (step.kind !== 'details') return state;
      return go({ kind: 'planning', choice: { ...step.choice, details: action.details } });
    case 'planned':
      if (step.kind !== 'planning') return state;
      return go({
        kind: 'preview',
        planned: { choice: step.choice, project: action.project, plan: action.plan },
      });
    case 'preview-accepted':
      if (step.kind !== 'preview' || step.planned.plan.problems.length > 0) return state;
      return go({ kind: 'submitting', planned: step.planned });
    case 'submitted':
      if (step.kind !== 'submitting') return state;
      return go(
        { kind: 'downloading', planned: step.planned },
        submittedLine(step.planned.plan.schematicId),
      );
    case 'downloaded': {
      if (step.kind !== 'downloading') return state;
      const iso = firstIsoDownload(step.planned.plan, action.downloads);
      if (!iso) return state;
      return go(
        {
          kind: 'resolving-installer',
          downloaded: { ...step.planned, iso, downloads: action.downloads },
        },
        downloadedLine(step.planned.plan, action.downloads),
      );
    }
    case 'installer-resolved':
      if (step.kind !== 'resolving-installer') return state;
      return go(
        {
          kind: 'confirm',
          ready: { ...step.downloaded, installer: action.installer, manifest: action.manifest },
        },
        installerLine(step.downloaded.plan.refs.installerImage, action.installer),
      );
    case 'write-confirmed':
      if (step.kind !== 'confirm') return state;
      return go({ kind: 'choose-publish', ready: step.ready });
    case 'publish-chosen':
      if (step.kind !== 'choose-publish') return state;
      return go({ kind: 'writing', ready: step.ready, publishTo: action.to });
    case 'write-declined':
      if (step.kind !== 'confirm') return state;
      return go({ kind: 'left', downloaded: step.ready });
    case 'written':
      if (step.kind !== 'writing') return state;
      if (step.publishTo === undefined)
        return go({ kind: 'done', ready: step.ready, written: action.written });
      return go(
        {
          kind: 'publishing',
          ready: step.ready,
          written: action.written,
          publishTo: step.publishTo,
        },
        writtenLine(step.ready),
      );
    case 'published':
      if (step.kind !== 'publishing') return state;
      return go({
        kind: 'done',
        ready: step.ready,
        written: step.written,
        published: action.publication,
      });
    case 'bundle':
      if (step.kind !== 'done') return state;
      return go({ ...completedOf(step), kind: 'bundling', out: action.out });
    case 'bundled':
      if (step.kind !== 'bundling') return state;
      return go({ ...completedOf(step), kind: 'finished', bundled: action.result });
    case 'finish':
      return step.kind === 'done' ? go({ ...completedOf(step), kind: 'finished' }) : state;
    case 'back': {
      const previous = stepBefore(step, action);
      return previous ? go(previous) : state;
    }
    case 'failed': {
      if (isFinalStep(step) || step.kind === 'failed') return state;
      const error = describeError(action.error);
      if (isCancellation(error)) return wizardReducer(state, { type: 'cancel' });
      // The release is on disk whatever the registry did, and tags move last, so publishing again
      // finishes the job (docs/distribution-protocol.md §8).
      if (step.kind === 'publishing')
        return go({
          kind: 'failed',
          error: { ...error, outcome: publishAgain(step.ready) },
          retry: step,
          back: undefined,
        });
      if (step.kind === 'bundling')
        return go({
          kind: 'failed',
          error: { ...error, outcome: bundleLater(step.ready, step.out) },
          retry: step,
          back: safeStepAfterFailure(step),
        });
      return go({ kind: 'failed', error, retry: step, back: safeStepAfterFailure(step) });
    }
    case 'retry':
      return step.kind === 'failed' ? go(step.retry) : state;
    case 'quit':
      return step.kind === 'failed' ? go({ kind: 'quit', error: step.error }) : state;
    case 'cancel':
      // Writing takes milliseconds and each file is replaced atomically: let it finish rather
      // than report "nothing was written" while the manifest lands.
      if (isFinalStep(step) || step.kind === 'writing') return state;
      // Nothing runs on the Done screen: Ctrl-C there ends the wizard as Enter does, with the
      // release's epilogue, rather than claim something was cancelled.
      if (step.kind === 'done') return go({ ...completedOf(step), kind: 'finished' });
      if (step.kind === 'bundling')
        return go({
          kind: 'cancelled',
          partialDownload: undefined,
          writtenRelease: step.ready.manifest.releaseVersion,
          bundling: { ...completedOf(step), out: step.out },
        });
      return go({
        kind: 'cancelled',
        partialDownload: step.kind === 'downloading' ? partialDownloads(step.planned) : undefined,
        writtenRelease: step.kind === 'publishing' ? step.ready.manifest.releaseVersion : undefined,
      });
    case 'toggle-help':
      return isFinalStep(step) ? state : { ...state, help: !state.help };
    default:
      return assertNever(action);
  }
}

/** What a failed publish leaves behind, and the command that finishes it. */
function publishAgain(ready: ReadyRelease): string {
  const version = ready.manifest.releaseVersion;
  return `The release is written; publish again with talos-release publish ${version}`;
}

/** The written release a Done-screen step carries, without the step's own fields. */
function completedOf(step: CompletedRelease): CompletedRelease {
  return { ready: step.ready, written: step.written, published: step.published };
}

/** What a failed bundle leaves behind, and the command that makes it later. */
function bundleLater(ready: ReadyRelease, out: string): string {
  const version = ready.manifest.releaseVersion;
  return `The release is written; bundle it later with talos-release bundle ${version} --out ${out}`;
}

/** Where a cancelled download's .part files stay: the one file, or every target's folder. */
function partialDownloads({ plan }: PlannedRelease): string {
  const only = plan.targets.length === 1 ? plan.targets[0] : undefined;
  if (only) return `${only.localPathRelative}.part`;
  const folders = new Set(plan.targets.map((t) => posix.dirname(t.localPathRelative)));
  return [...folders].map((folder) => `${folder}/*.part`).join(', ');
}
