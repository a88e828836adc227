// The wizard's numbered screens, in order, and which screen each step shows under. The "4/8" in
// every title is derived from this list, so adding or moving a screen renumbers all of them.
import { positionIn } from '../../core/pipeline/index.js';
import type { StepKind } from './steps.js';

export const WIZARD_SCREENS = [
  'version',
  'extensions',
  'targets',
  'details',
  'preview',
  'artifacts',
  'write',
  'publish',
] as const;

type Screen = (typeof WIZARD_SCREENS)[number];

/** Working steps show under the screen they lead to or belong to. */
const SCREEN_OF = {
  'choose-version': 'version',
  'loading-extensions': 'extensions',
  'choose-extensions': 'extensions',
  'choose-targets': 'targets',
  details: 'details',
  planning: 'preview',
  preview: 'preview',
  submitting: 'artifacts',
  downloading: 'artifacts',
  'resolving-installer': 'artifacts',
  confirm: 'write',
  'choose-publish': 'publish',
  writing: 'publish',
  publishing: 'publish',
} as const satisfies Partial<Record<StepKind, Screen>>;

/** "n/total" for a numbered step's title, e.g. "4/8" for the details screen. */
export function screenPosition(kind: keyof typeof SCREEN_OF): string {
  return positionIn(WIZARD_SCREENS, SCREEN_OF[kind]);
}
