// Everything a release needs decided, whoever decided it: the wizard's screens or --yes flags.
import type { Architecture } from '../artifacts/index.js';
import type { TargetRequest } from './targets-plan.js';

export type { Architecture };

export interface ReleaseAnswers {
  /** The repository root; every relative path below is under it. */
  readonly root: string;
  /** The schematic file, relative to root or absolute. */
  readonly schematicPath: string;
  /** An exact Talos version, already resolved from a selector (e.g. `v1.12.4`). */
  readonly talosVersion: string;
  /** Replaces the schematic's official extensions (and updates the file); undefined keeps them. */
  readonly extensions?: readonly string[] | undefined;
  readonly platform: string;
  readonly arch: Architecture;
  readonly secureboot: boolean;
  readonly releaseVersion: string;
  readonly channel: string;
  readonly kubernetesVersion: string;
  readonly appVersion: string;
  readonly valuesProfile: string;
  readonly factoryUrl: string;
  /** Installer registry host; undefined derives it from the factory URL. */
  readonly registry?: string | undefined;
  /** Where the ISO goes, relative to root or absolute. */
  readonly artifactsDir: string;
  /** The release's images (first = primary); undefined: one ISO from platform, arch, SecureBoot. */
  readonly targets?: readonly TargetRequest[] | undefined;
  /** Installers to pin as `<platform>[-secureboot]`; undefined: the first ISO's. */
  readonly installers?: readonly string[] | undefined;
  readonly force: boolean;
  readonly requireDigest: boolean;
  readonly allowPublicSecrets: boolean;
  readonly keepExtensionOrder: boolean;
}

export const DEFAULT_SCHEMATIC_PATH = 'schematics/metal-amd64.yaml';
export const DEFAULT_CHANNEL = 'stable';
export const DEFAULT_PLATFORM = 'metal';
export const DEFAULT_ARCH: Architecture = 'amd64';
export const DEFAULT_ARTIFACTS_DIR = 'artifacts';
export const DEFAULT_VALUES_PROFILE = 'default';
export const RELEASES_DIR = 'releases';
export const DEFAULT_CONCURRENCY = 3;
