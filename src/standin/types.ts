// The contract of the local Image Factory stand-in: what a test (or the demo) can ask of it.
// The stand-in follows docs/factory-protocol.md; these options only choose among the
// behaviours the real factory can show (delivery modes, older releases) and inject faults.

/** Which requests a fault applies to. `path` is matched against the URL path (no query). */
export interface FaultMatch {
  readonly method?: string;
  readonly path: string | RegExp;
  /** Which listener the rule watches. Default 'factory' (which also serves /cdn). */
  readonly server?: 'factory' | 'registry';
}

export type Fault =
  /** Answer with this status (and a plain-text body) instead of the real response. */
  | { readonly kind: 'status'; readonly status: number; readonly body?: string }
  /** Send headers and `afterBytes` body bytes, then destroy the socket (a connection reset). */
  | { readonly kind: 'reset'; readonly afterBytes: number }
  /** Send `afterBytes` body bytes, then send nothing more for `ms` (default: until closed). */
  | { readonly kind: 'stall'; readonly afterBytes: number; readonly ms?: number }
  /** Promise the full Content-Length but end the response cleanly after `afterBytes` bytes. */
  | { readonly kind: 'truncate'; readonly afterBytes: number }
  /** Block for `ms` before answering, as a cold factory does while it builds. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** POST /schematics answers with this ID instead of the one it computed (tampered/drifted). */
  | { readonly kind: 'schematic-id'; readonly id: string };

export interface FaultRule {
  readonly match: FaultMatch;
  readonly fault: Fault;
  /** Apply to the first `times` matching requests only; default: every matching request. */
  readonly times?: number;
}

export interface StandinOptions {
  /** Loopback only. Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** Size in bytes of every /image asset. Default 200 MiB (the demo); tests use small sizes. */
  readonly imageSize?: number;
  /**
   * Sizes of particular assets, overriding `imageSize`: keys are asset paths
   * (`nocloud-amd64.raw.xz`) or `*` globs (`*.raw.*`); an exact path wins over a glob, and globs
   * are tried in the order given. The command line (`cmdline-…`) is always its real text.
   */
  readonly assetSizes?: Readonly<Record<string, number>>;
  /** 'direct': GET /image answers 200 without Range support. 'redirect': GET answers 302 to /cdn/… which honours Range. Default 'direct'. */
  readonly imageDelivery?: 'direct' | 'redirect';
  /** 'proxy': manifests answered 200 with Docker-Content-Digest. 'redirect': 307 to a second local registry that demands an anonymous bearer token. Default 'proxy'. */
  readonly registryMode?: 'proxy' | 'redirect';
  /** 'current': POST /schematics answers {id, schematic}. 'id-only': like factories before v1.3.0. */
  readonly schematicResponse?: 'current' | 'id-only';
  /** 'v1.5': go-yaml v4 rc.6 quoting. 'legacy': the ≤ v1.4.x quoting ("on" double-quoted). */
  readonly encoder?: 'v1.5' | 'legacy';
  /** The `Server: Image Factory <tag>` header. Default 'v1.5.0'. */
  readonly serverVersion?: string;
  /** Delay of the first request for each (schematic, version, asset) and installer build. Default 0. */
  readonly buildDelayMs?: number;
  /** The same for disk images (`.raw`, `.qcow2`, `.vhd`, `.ova`), which take longest to build. Default 2 × buildDelayMs. */
  readonly diskBuildDelayMs?: number;
  /**
   * Payload bytes of each layer of every installer child image, one layer per entry (a gzipped
   * tar around that many deterministic bytes). Default [2048, 512].
   */
  readonly installerLayerSizes?: readonly number[];
  /**
   * Cosign signatures of installer indexes (tag `sha256-<hex>.sig`): 'valid' (default), 'bad'
   * (the signature does not verify against /oci/cosign/signing-key.pub) or 'none' (no tag).
   */
  readonly signatures?: 'valid' | 'bad' | 'none';
  readonly faults?: readonly FaultRule[];
  /** Base URL used inside iPXE scripts. Default: the stand-in's own URL. */
  readonly pxeBaseUrl?: string;
  /** Schematic documents (YAML or JSON) stored at start, as if POSTed: assets need no POST first. */
  readonly schematics?: readonly string[];
  /**
   * Versions listed by /versions (and their catalogues) beyond the recorded list, as when Talos
   * publishes a new patch: e.g. ['v1.13.10']. Catalogue routes only; images are not served for them.
   */
  readonly extraVersions?: readonly string[];
  /** Port of the second registry (redirect mode). Default 0: an ephemeral port. */
  readonly registryPort?: number;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The request body as text (POST only). */
  readonly body?: string;
  /** Which listener saw it: the factory itself or the second registry. */
  readonly server: 'factory' | 'registry';
}

export interface RunningStandin {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  /** The second registry used in registry redirect mode, e.g. http://127.0.0.1:41235. */
  readonly registryUrl: string;
  /** Every request seen so far, in order. Tests assert on what the client sent. */
  readonly requests: readonly RecordedRequest[];
  /** Adds a fault while running. */
  addFault(rule: FaultRule): void;
  close(): Promise<void>;
}
