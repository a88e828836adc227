// The wizard's choices and the command-line flags merged into the answers the core plans with,
// exactly as --yes would have them.
import type { ReleaseAnswers } from '../../core/pipeline/answers.js';
import type { ReleaseRequest } from '../../core/pipeline/request.js';
import type { DetailsChoice } from '../state/steps.js';

export function releaseAnswers(
  request: ReleaseRequest,
  root: string,
  schematicExtensions: readonly string[],
  choice: DetailsChoice,
): ReleaseAnswers {
  const { details } = choice;
  return {
    root,
    schematicPath: request.schematicPath,
    talosVersion: choice.talosVersion,
    // The same set as the file keeps the file untouched; another set rewrites its list.
    extensions: sameSet(choice.extensions, schematicExtensions) ? undefined : choice.extensions,
    platform: request.platform,
    arch: request.arch,
    secureboot: request.secureboot,
    releaseVersion: details.releaseVersion,
    channel: details.channel,
    kubernetesVersion: details.kubernetesVersion,
    appVersion: details.appVersion,
    valuesProfile: details.valuesProfile,
    factoryUrl: request.factoryUrl,
    registry: request.registry,
    artifactsDir: request.artifactsDir,
    force: request.force,
    requireDigest: request.requireDigest,
    allowPublicSecrets: request.allowPublicSecrets,
    keepExtensionOrder: request.keepExtensionOrder,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((name) => right.has(name));
}
