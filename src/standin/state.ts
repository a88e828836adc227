// What every route shares: the resolved options, the stored schematics and the build cache.
import type { Schematic } from '../core/schematic/index.js';
import type { BuildCache } from './builds.js';
import type { ManifestStore } from './registry/manifest-store.js';

export interface StoredSchematic {
  readonly canonical: string;
  readonly schematic: Schematic;
}

export interface ResolvedOptions {
  readonly imageSize: number;
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
  /** Built installer indexes, shared with the second registry. */
  readonly manifests: ManifestStore;
  /** Known once the listeners are bound. */
  factoryUrl(): string;
  registryUrl(): string;
  pxeBaseUrl(): string;
}
