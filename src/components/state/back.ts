// Where Esc leads from each step, and where it leads after a failure. Going back never crosses
// the submit: once the schematic is sent and the download runs, the way out is Ctrl-C.
import type { WizardAction } from './actions.js';
import type { WizardStep } from './steps.js';

type BackAction = Extract<WizardAction, { type: 'back' }>;

export function stepBefore(step: WizardStep, action: BackAction): WizardStep | undefined {
  switch (step.kind) {
    case 'choose-extensions':
      return {
        kind: 'choose-version',
        session: step.choice.session,
        highlighted: step.choice.talosVersion,
        kept: {
          ...step.kept,
          talosVersion: step.kept.talosVersion ?? step.choice.talosVersion,
          extensions: action.extensions ?? step.kept.extensions,
        },
      };
    case 'choose-targets':
      return {
        kind: 'choose-extensions',
        choice: { session: step.choice.session, talosVersion: step.choice.talosVersion },
        catalogue: step.choice.catalogue,
        selected: step.choice.extensions,
        kept: {
          ...step.kept,
          talosVersion: step.choice.talosVersion,
          extensions: step.choice.extensions,
          targets: action.targets ?? step.kept.targets,
        },
      };
    case 'details': {
      const { targets, ...choice } = step.choice;
      return {
        kind: 'choose-targets',
        choice,
        selected: targets,
        kept: {
          talosVersion: step.choice.talosVersion,
          extensions: step.choice.extensions,
          targets,
          details: action.details ?? step.initial,
        },
      };
    }
    case 'preview':
      return { kind: 'details', choice: step.planned.choice, initial: step.planned.choice.details };
    case 'choose-publish':
      return { kind: 'confirm', ready: step.ready };
    case 'failed':
      return step.back;
    default:
      return undefined;
  }
}

/** Where Esc leads from the error screen of a failed step: the screen that started it. */
export function safeStepAfterFailure(step: WizardStep): WizardStep | undefined {
  switch (step.kind) {
    case 'loading-extensions':
      return {
        kind: 'choose-version',
        session: step.choice.session,
        highlighted: step.choice.talosVersion,
        kept: step.kept,
      };
    case 'planning':
      return { kind: 'details', choice: step.choice, initial: step.choice.details };
    case 'submitting':
    case 'downloading':
      return { kind: 'preview', planned: step.planned };
    case 'resolving-installer':
      return { kind: 'preview', planned: step.downloaded };
    case 'writing':
      return { kind: 'confirm', ready: step.ready };
    // Back to the Done screen, where the bundle's path can be edited and it can be tried again.
    case 'bundling': {
      const { out: _out, kind: _kind, ...completed } = step;
      return { kind: 'done', ...completed };
    }
    default:
      return undefined;
  }
}
