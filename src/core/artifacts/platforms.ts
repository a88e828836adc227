// Disk image suffix per platform (siderolabs/talos DiskImageSuffix, docs/factory-protocol.md §8.7)
// and the version quirks that change it (docs/factory-protocol.md §11).
import semver from 'semver';

const SUFFIX_BY_PLATFORM: ReadonlyMap<string, string> = new Map([
  ['opennebula', 'raw.zst'],
  ['scaleway', 'raw.zst'],
  ['aws', 'raw.xz'],
  ['nocloud', 'raw.xz'],
  ['openstack', 'raw.xz'],
  ['hcloud', 'raw.xz'],
  ['upcloud', 'raw.xz'],
  ['gcp', 'raw.tar.gz'],
  ['azure', 'vhd.xz'],
  ['digital-ocean', 'raw.gz'],
  ['akamai', 'raw.gz'],
  ['cloudstack', 'raw.gz'],
  ['oracle', 'qcow2'],
  ['exoscale', 'qcow2'],
  ['alibabacloud', 'qcow2'],
  ['vmware', 'ova'],
]);

/** Platforms with a known disk image suffix, for messages. */
export const KNOWN_PLATFORMS: readonly string[] = ['metal', ...SUFFIX_BY_PLATFORM.keys()];

/** Is the version Talos 1.<minor> or newer? */
export function atLeastTalos(talosVersion: string, minor: number): boolean {
  const parsed = semver.coerce(talosVersion);
  return parsed !== null && semver.gte(`${parsed.major}.${parsed.minor}.0`, `1.${minor}.0`);
}

/** `metal-amd64` images moved from raw.xz to raw.zst in Talos 1.8; SBC images did not. */
export function diskImageSuffix(
  platform: string,
  talosVersion: string,
  options: { readonly sbc?: boolean } = {},
): string | undefined {
  if (platform === 'metal') {
    return options.sbc || !atLeastTalos(talosVersion, 8) ? 'raw.xz' : 'raw.zst';
  }
  return SUFFIX_BY_PLATFORM.get(platform);
}

/** Per-platform installer repositories exist from Talos 1.10 (quirks.SupportsUnifiedInstaller). */
export function usesPlatformInstaller(talosVersion: string): boolean {
  return atLeastTalos(talosVersion, 10);
}

/** SecureBoot assets and installers exist from Talos 1.5. */
export function supportsSecureBoot(talosVersion: string): boolean {
  return atLeastTalos(talosVersion, 5);
}
