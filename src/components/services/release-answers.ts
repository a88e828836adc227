// The wizard's choices and the command-line flags merged into the answers the core plans with,
// exactly as --yes would have them.
import type { ReleaseAnswers } from '../../core/pipeline/answers.js';
import { answersFrom } from '../../core/pipeline/request.js';
import type { ReleaseRequest } from '../../core/pipeline/request.js';
import type { DetailsChoice } from '../state/steps.js';

export function releaseAnswers(
  request: ReleaseRequest,
  root: string,
  schematicExtensions: readonly string[],
  choice: DetailsChoice,
): ReleaseAnswers {
  const { details } = choice;
  return answersFrom(request, {
    root,
    talosVersion: choice.talosVersion,
    // The same set as the file keeps the file untouched; another set rewrites its list.
    extensions: sameSet(choice.extensions, schematicExtensions) ? undefined : choice.extensions,
    releaseVersion: details.releaseVersion,
    channel: details.channel,
    kubernetesVersion: details.kubernetesVersion,
    appVersion: details.appVersion,
    valuesProfile: details.valuesProfile,
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((name) => right.has(name));
}
