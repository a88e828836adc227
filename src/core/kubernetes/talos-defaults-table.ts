// Talos → default Kubernetes, from DefaultKubernetesVersion at each siderolabs/talos tag
// (docs/factory-protocol.md §10). Each line lists the patch where the default moved; patches
// between two documented points keep the earlier default, which is the closest fact we have.

export interface DefaultStep {
  /** First Talos patch of this line that ships `kubernetes`. */
  readonly fromPatch: number;
  readonly kubernetes: string;
}

export const DEFAULTS_BY_TALOS_MINOR: ReadonlyMap<number, readonly DefaultStep[]> = new Map([
  [
    2,
    [
      { fromPatch: 0, kubernetes: '1.25.0' },
      { fromPatch: 9, kubernetes: '1.25.5' },
    ],
  ],
  [
    3,
    [
      { fromPatch: 0, kubernetes: '1.26.0' },
      { fromPatch: 7, kubernetes: '1.26.3' },
    ],
  ],
  [
    4,
    [
      { fromPatch: 0, kubernetes: '1.27.1' },
      { fromPatch: 8, kubernetes: '1.27.4' },
    ],
  ],
  [
    5,
    [
      { fromPatch: 0, kubernetes: '1.28.0' },
      { fromPatch: 6, kubernetes: '1.28.3' },
    ],
  ],
  [
    6,
    [
      { fromPatch: 0, kubernetes: '1.29.0' },
      { fromPatch: 8, kubernetes: '1.29.7' },
    ],
  ],
  [
    7,
    [
      { fromPatch: 0, kubernetes: '1.30.0' },
      { fromPatch: 7, kubernetes: '1.30.5' },
    ],
  ],
  [
    8,
    [
      { fromPatch: 0, kubernetes: '1.31.1' },
      { fromPatch: 4, kubernetes: '1.31.4' },
    ],
  ],
  [
    9,
    [
      { fromPatch: 0, kubernetes: '1.32.0' },
      { fromPatch: 6, kubernetes: '1.32.4' },
    ],
  ],
  [
    10,
    [
      { fromPatch: 0, kubernetes: '1.33.0' },
      { fromPatch: 9, kubernetes: '1.33.6' },
    ],
  ],
  [
    11,
    [
      { fromPatch: 0, kubernetes: '1.34.0' },
      { fromPatch: 6, kubernetes: '1.34.1' },
    ],
  ],
  [
    12,
    [
      { fromPatch: 0, kubernetes: '1.35.0' },
      { fromPatch: 5, kubernetes: '1.35.2' },
      { fromPatch: 7, kubernetes: '1.35.4' },
    ],
  ],
  [
    13,
    [
      { fromPatch: 0, kubernetes: '1.36.0' },
      { fromPatch: 9, kubernetes: '1.36.3' },
    ],
  ],
]);

/** Pre-releases default to a Kubernetes pre-release; only these pairs are documented. */
export const PRERELEASE_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['1.12.0-beta.1', '1.35.0-alpha.3'],
  ['1.14.0-rc.1', '1.37.0-rc.0'],
]);
