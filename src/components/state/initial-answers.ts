// What the extension and details screens open with: flags from the command line first, then
// what the operator typed before going back, then the channel's current release (the core's
// one flag-else-default rule).
import { defaultKubernetesVersion } from '../../core/kubernetes/index.js';
import { flagsOverDefaults } from '../../core/pipeline/index.js';
import type { TargetRequest } from '../../core/pipeline/index.js';
import type { KeptAnswers, ReleaseDetails, WizardSession } from './steps.js';

export function initialExtensions(session: WizardSession, kept: KeptAnswers): readonly string[] {
  return (
    kept.extensions ??
    session.request.extensions ??
    session.project.schematicFile.schematic.customization.systemExtensions?.officialExtensions ??
    []
  );
}

/** Kept, else the flags' or talos-release.yaml's, else today's one ISO from --platform/--arch. */
export function initialTargets(
  session: WizardSession,
  kept: KeptAnswers,
): readonly TargetRequest[] {
  const { request } = session;
  if (kept.targets?.length) return kept.targets;
  if (request.targets?.length) return request.targets;
  const sb = request.secureboot ? '-secureboot' : '';
  return [{ name: `${request.platform}-${request.arch}${sb}.iso` }];
}

export function initialDetails(
  session: WizardSession,
  talosVersion: string,
  kept: KeptAnswers,
): ReleaseDetails {
  const { request, defaults } = session;
  const fresh = flagsOverDefaults(request, {
    ...defaults,
    kubernetesVersion: kubernetesDefault(talosVersion),
  });
  if (kept.details) {
    // A kept Kubernetes version belongs to the Talos version it was typed for.
    const sameTalos = kept.talosVersion === talosVersion;
    return sameTalos
      ? kept.details
      : { ...kept.details, kubernetesVersion: fresh.kubernetesVersion };
  }
  return fresh;
}

function kubernetesDefault(talosVersion: string): string {
  try {
    return defaultKubernetesVersion(talosVersion);
  } catch {
    return '';
  }
}
