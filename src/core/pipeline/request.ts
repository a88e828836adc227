// A release as asked for on the command line: selectors and optional answers that the
// pipeline resolves (against the factory and the channel's current release) into ReleaseAnswers.
import type { Architecture, ReleaseAnswers } from './answers.js';
import type { TargetRequest } from './targets-plan.js';

export interface ReleaseRequest {
  readonly root: string;
  readonly schematicPath: string;
  /** `v1.12.4`, `1.12`, `latest`, `pre`; required with --yes. */
  readonly talosVersion: string | undefined;
  readonly extensions: readonly string[] | undefined;
  readonly platform: string;
  readonly arch: Architecture;
  readonly secureboot: boolean;
  readonly releaseVersion: string | undefined;
  readonly channel: string;
  readonly kubernetesVersion: string | undefined;
  readonly appVersion: string | undefined;
  readonly valuesProfile: string | undefined;
  readonly factoryUrl: string;
  readonly registry: string | undefined;
  readonly artifactsDir: string;
  readonly targets?: readonly TargetRequest[] | undefined;
  readonly installers?: readonly string[] | undefined;
  /** How many targets download at once; default 3. */
  readonly concurrency?: number | undefined;
  readonly force: boolean;
  readonly requireDigest: boolean;
  readonly allowPublicSecrets: boolean;
  readonly keepExtensionOrder: boolean;
  readonly dryRun: boolean;
  /**
   * The minisign secret key that signs the release (absolute): --sign-key, else
   * TALOS_RELEASE_SIGN_KEY, else signing.key in talos-release.yaml. Unset: the release is unsigned.
   */
  readonly signKey?: string | undefined;
}

const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** An exact version needs no version list; `1.12.4` and `v1.12.4` are the same. */
export function exactTalosVersion(selector: string): string | undefined {
  if (!EXACT_VERSION.test(selector)) return undefined;
  return selector.startsWith('v') ? selector : `v${selector}`;
}

/** The answers someone decides (a flag, a default, a wizard screen); the rest pass through. */
export type DecidedAnswers = Pick<
  ReleaseAnswers,
  | 'root'
  | 'talosVersion'
  | 'extensions'
  | 'releaseVersion'
  | 'channel'
  | 'kubernetesVersion'
  | 'appVersion'
  | 'valuesProfile'
> &
  Partial<Pick<ReleaseAnswers, 'targets'>>;

/** One place where a request becomes answers, for --yes and the wizard alike. */
export function answersFrom(request: ReleaseRequest, decided: DecidedAnswers): ReleaseAnswers {
  return {
    ...decided,
    schematicPath: request.schematicPath,
    platform: request.platform,
    arch: request.arch,
    secureboot: request.secureboot,
    factoryUrl: request.factoryUrl,
    registry: request.registry,
    artifactsDir: request.artifactsDir,
    targets: decided.targets ?? request.targets,
    installers: request.installers,
    force: request.force,
    requireDigest: request.requireDigest,
    allowPublicSecrets: request.allowPublicSecrets,
    keepExtensionOrder: request.keepExtensionOrder,
  };
}
