// Reads the parts back out of an ISO URL or an installer reference, so the manifest schema and
// `verify` can check that they name the same schematic and version as the rest of a release.

export interface ParsedIsoUrl {
  /** Everything before `/image/`, e.g. `https://factory.talos.dev`. */
  readonly factoryBase: string;
  readonly schematicId: string;
  readonly talosVersion: string;
  readonly platform: string;
  readonly arch: string;
  readonly secureboot: boolean;
}

const ISO_PATH =
  /^(?<base>.*)\/image\/(?<id>[0-9a-f]{64})\/(?<version>v?[0-9][^/]*)\/(?<platform>[a-z0-9-]+?)-(?<arch>amd64|arm64)(?<sb>-secureboot)?\.iso$/;

export function parseIsoUrl(url: string): ParsedIsoUrl | undefined {
  const groups = ISO_PATH.exec(url)?.groups;
  if (!groups) return undefined;
  return {
    factoryBase: groups['base'] ?? '',
    schematicId: groups['id'] ?? '',
    talosVersion: groups['version'] ?? '',
    platform: groups['platform'] ?? '',
    arch: groups['arch'] ?? '',
    secureboot: groups['sb'] !== undefined,
  };
}

export interface ParsedInstallerImage {
  readonly registryHost: string;
  /** e.g. `metal-installer` or the legacy `installer`. */
  readonly imageName: string;
  /** Undefined for the legacy form, which means metal. */
  readonly platform: string | undefined;
  readonly secureboot: boolean;
  readonly schematicId: string;
  readonly talosVersion: string;
  /** `sha256:…` when the reference is pinned with `@`. */
  readonly digest: string | undefined;
}

const INSTALLER_REF =
  /^(?<host>[^/]+)\/(?<image>(?:(?<platform>[a-z0-9-]+?)-)?installer(?<sb>-secureboot)?)\/(?<id>[0-9a-f]{64}):(?<tag>[^@/]+)(?:@(?<digest>sha256:[0-9a-f]{64}))?$/;

export function parseInstallerImage(reference: string): ParsedInstallerImage | undefined {
  const groups = INSTALLER_REF.exec(reference)?.groups;
  if (!groups) return undefined;
  return {
    registryHost: groups['host'] ?? '',
    imageName: groups['image'] ?? '',
    platform: groups['platform'],
    secureboot: groups['sb'] !== undefined,
    schematicId: groups['id'] ?? '',
    talosVersion: groups['tag'] ?? '',
    digest: groups['digest'],
  };
}
