// The Kubernetes version a release defaults to, and the range Talos supports, for one Talos
// version. The operator can always override the default; the range is enforced.
import semver from 'semver';
import { UserInputError } from '../errors.js';
import { DEFAULTS_BY_TALOS_MINOR, PRERELEASE_DEFAULTS } from './talos-defaults-table.js';

/** Talos 1.N defaults to Kubernetes 1.(N+23), for every release so far. */
const DEFAULT_MINOR_OFFSET = 23;

function parseTalos(talosVersion: string): semver.SemVer {
  const parsed = semver.parse(talosVersion.trim().replace(/^v/, ''));
  if (!parsed || parsed.major !== 1) {
    throw new UserInputError(`"${talosVersion}" is not a Talos 1.x version`, {
      hint: 'Give a Talos version such as v1.12.4.',
    });
  }
  return parsed;
}

export interface KubernetesDefault {
  /** Without a leading `v`, e.g. `1.35.2`. */
  readonly version: string;
  /** Set when the default is inferred rather than documented, e.g. for a pre-release. */
  readonly note: string | undefined;
}

/** The default with a note saying how sure it is; see defaultKubernetesVersion. */
export function kubernetesDefaultFor(talosVersion: string): KubernetesDefault {
  const talos = parseTalos(talosVersion);
  const ruleMinor = `1.${talos.minor + DEFAULT_MINOR_OFFSET}`;
  if (talos.prerelease.length > 0) {
    const known = PRERELEASE_DEFAULTS.get(talos.version);
    return {
      version: known ?? `${ruleMinor}.0`,
      note: known
        ? `Talos ${talosVersion} is a pre-release and ships a Kubernetes pre-release`
        : `Talos ${talosVersion} is a pre-release; it ships a Kubernetes ${ruleMinor} pre-release, so ${ruleMinor}.0 may not exist yet: pin --kubernetes-version if it fails`,
    };
  }
  const steps = DEFAULTS_BY_TALOS_MINOR.get(talos.minor);
  if (!steps) {
    return {
      version: `${ruleMinor}.0`,
      note: `Talos 1.${talos.minor} is not in the built-in table; ${ruleMinor}.0 follows the 1.(N+23) rule`,
    };
  }
  const step = [...steps].reverse().find((candidate) => talos.patch >= candidate.fromPatch);
  return { version: (step ?? steps[0])?.kubernetes ?? `${ruleMinor}.0`, note: undefined };
}

/** E.g. `v1.12.5` → `1.35.2`; pre-releases and unknown lines follow the 1.(N+23) rule. */
export function defaultKubernetesVersion(talosVersion: string): string {
  return kubernetesDefaultFor(talosVersion).version;
}

export interface KubernetesRange {
  /** Oldest supported minor, e.g. `1.30`. */
  readonly min: string;
  /** Newest supported minor, e.g. `1.35`. */
  readonly max: string;
}

/** Six minors from Talos 1.6 on (1.(N+18)–1.(N+23)); three before. */
export function supportedKubernetesRange(talosVersion: string): KubernetesRange {
  const talos = parseTalos(talosVersion);
  const newest = talos.minor + DEFAULT_MINOR_OFFSET;
  const span = talos.minor >= 6 ? 5 : 2;
  return { min: `1.${newest - span}`, max: `1.${newest}` };
}

/**
 * Throws a UserInputError naming the supported range when `kubernetesVersion` is malformed or
 * outside what `talosVersion` supports; returns the version without a leading `v` otherwise.
 */
export function checkKubernetesVersion(talosVersion: string, kubernetesVersion: string): string {
  const range = supportedKubernetesRange(talosVersion);
  const parsed = semver.parse(kubernetesVersion.trim().replace(/^v/, ''));
  const rangeText = `${range.min}.x to ${range.max}.x`;
  if (!parsed) {
    throw new UserInputError(`"${kubernetesVersion}" is not a Kubernetes version`, {
      hint: `Give a version such as ${defaultKubernetesVersion(talosVersion)}; Talos ${talosVersion} supports ${rangeText}.`,
    });
  }
  const minor = (text: string): number => Number(text.split('.')[1]);
  if (parsed.major !== 1 || parsed.minor < minor(range.min) || parsed.minor > minor(range.max)) {
    throw new UserInputError(
      `Kubernetes ${parsed.version} is not supported by Talos ${talosVersion} (supported: ${rangeText})`,
      {
        hint: `Pick a Kubernetes version from ${rangeText}, e.g. the default ${defaultKubernetesVersion(talosVersion)}, or another Talos version.`,
      },
    );
  }
  return parsed.version;
}
