// Defaults for the release details, taken from the channel's current release so that the
// next release is one keypress (or no flag) away from the last one.
import { defaultKubernetesVersion } from '../kubernetes/index.js';
import { nextPatchVersion } from '../manifest/index.js';
import { DEFAULT_VALUES_PROFILE } from './answers.js';
import type { LoadedProject } from './project.js';

export interface ReleaseDefaults {
  readonly releaseVersion: string;
  readonly kubernetesVersion: string | undefined;
  /** Undefined on a first release: the operator must say which application version ships. */
  readonly appVersion: string | undefined;
  readonly valuesProfile: string;
}

export function releaseDefaults(project: LoadedProject, talosVersion?: string): ReleaseDefaults {
  const current = project.currentManifest;
  return {
    releaseVersion: nextPatchVersion(project.channel?.current.releaseVersion),
    kubernetesVersion: talosVersion ? defaultKubernetesVersion(talosVersion) : undefined,
    appVersion: current?.app.version,
    valuesProfile: current?.app.valuesProfile ?? DEFAULT_VALUES_PROFILE,
  };
}
