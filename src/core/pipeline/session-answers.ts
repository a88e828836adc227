// The one rule for what a release's details are: what the operator chose (a wizard screen), else
// the flag, else the channel's default. --yes, --dry-run, preflight and the wizard all use it.
import type { ReleaseAnswers } from './answers.js';
import type { ReleaseDefaults } from './defaults.js';
import { releaseDefaults } from './defaults.js';
import type { LoadedProject } from './project.js';
import { answersFrom } from './request.js';
import type { ReleaseRequest } from './request.js';
import type { TargetRequest } from './targets-plan.js';

/** The details a person may type; empty where nobody said and nothing suggests a value. */
export interface ReleaseDetailAnswers {
  readonly releaseVersion: string;
  readonly channel: string;
  readonly kubernetesVersion: string;
  readonly appVersion: string;
  readonly valuesProfile: string;
}

/** What the wizard's screens decided; each one replaces the flag and the default. */
export interface ChosenAnswers extends Partial<ReleaseDetailAnswers> {
  /** The ticked official extensions; the same set as the schematic file's keeps the file. */
  readonly extensions?: readonly string[] | undefined;
  /** The targets picked on the Targets screen; undefined keeps the flags' or the file's. */
  readonly targets?: readonly TargetRequest[] | undefined;
}

/** Flag, else channel default: the details screen opens with these, --yes releases with them. */
export function flagsOverDefaults(
  request: ReleaseRequest,
  defaults: ReleaseDefaults,
): ReleaseDetailAnswers {
  return {
    releaseVersion: request.releaseVersion ?? defaults.releaseVersion,
    channel: request.channel,
    kubernetesVersion: request.kubernetesVersion ?? defaults.kubernetesVersion ?? '',
    appVersion: request.appVersion ?? defaults.appVersion ?? '',
    valuesProfile: request.valuesProfile ?? defaults.valuesProfile,
  };
}

export function answersFor(
  request: ReleaseRequest,
  project: LoadedProject,
  talosVersion: string,
  chosen: ChosenAnswers = {},
): ReleaseAnswers {
  const { extensions, targets, ...chosenDetails } = chosen;
  // Defaults are only worked out when something is left to default: a wizard that typed every
  // field must not fail on a default it did not use.
  const details = isComplete(chosenDetails)
    ? chosenDetails
    : {
        ...flagsOverDefaults(request, releaseDefaults(project, talosVersion)),
        ...definedOnly(chosenDetails),
      };
  return answersFrom(request, {
    root: project.root,
    talosVersion,
    targets,
    extensions: extensions === undefined ? request.extensions : changedSet(extensions, project),
    ...details,
  });
}

function isComplete(details: Partial<ReleaseDetailAnswers>): details is ReleaseDetailAnswers {
  return DETAIL_NAMES.every((name) => details[name] !== undefined);
}

function definedOnly(details: Partial<ReleaseDetailAnswers>): Partial<ReleaseDetailAnswers> {
  return Object.fromEntries(
    DETAIL_NAMES.flatMap((n) => (details[n] === undefined ? [] : [[n, details[n]]])),
  );
}

const DETAIL_NAMES = [
  'releaseVersion',
  'channel',
  'kubernetesVersion',
  'appVersion',
  'valuesProfile',
] as const satisfies readonly (keyof ReleaseDetailAnswers)[];

/** A chosen set equal to the file's is no change: the file stays as it is, comments and order. */
function changedSet(
  chosen: readonly string[],
  project: LoadedProject,
): readonly string[] | undefined {
  const inFile =
    project.schematicFile.schematic.customization.systemExtensions?.officialExtensions ?? [];
  const left = new Set(chosen);
  const right = new Set(inFile);
  const same = left.size === right.size && [...left].every((name) => right.has(name));
  return same ? undefined : chosen;
}
