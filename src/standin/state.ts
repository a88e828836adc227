// What every route shares: the resolved options, the stored schematics and the build cache.
import type { Schematic } from '../core/schematic/index.js';
import type { BuildCache } from './builds.js';
import type { SignatureMode, Signer } from './registry/cosign.js';
import type { ManifestStore } from './registry/manifest-store.js';

export interface StoredSchematic {
  readonly canonical: string;
  readonly schematic: Schematic;
}

export interface ResolvedOptions {
  readonly imageSize: number;
  /** The size of the asset at this path (`imageSize` unless `assetSizes` names it). */
  readonly assetSize: (path: string) => number;
  readonly buildDelayMs: number;
  readonly diskBuildDelayMs: number;
  readonly installerLayerSizes: readonly number[];
  readonly signatures: SignatureMode;
  readonly imageDelivery: 'direct' | 'redirect';
  readonly registryMode: 'proxy' | 'redirect';
  readonly schematicResponse: 'current' | 'id-only';
  readonly encoder: 'v1.5' | 'legacy';
  readonly serverVersion: string;
  /** What /versions lists: the recorded list plus `extraVersions`. */
  readonly listedVersions: readonly string[];
}

export interface StandinState {
  readonly options: ResolvedOptions;
  /** Schematic id → the canonical bytes that were stored under it. */
  readonly schematics: Map<string, StoredSchematic>;
  readonly builds: BuildCache;
  /** Signs installer indexes; its public key is served at /oci/cosign/signing-key.pub. */
  readonly signer: Signer;
  /** Built installer indexes, shared with the second registry. */
  readonly manifests: ManifestStore;
  /** Known once the listeners are bound. */
  factoryUrl(): string;
  registryUrl(): string;
  pxeBaseUrl(): string;
}
