// The factory's asset path grammar (internal/profile/profile.go, ParseFromPath;
// docs/factory-protocol.md §8.7).

export type AssetKind = 'kernel' | 'cmdline' | 'initramfs' | 'iso' | 'uki' | 'installer' | 'disk';
export type Arch = 'amd64' | 'arm64';

export interface AssetPath {
  readonly kind: AssetKind;
  readonly platform: string;
  readonly arch: Arch;
  readonly secureboot: boolean;
}

export type ParsedAssetPath =
  | { readonly ok: true; readonly asset: AssetPath }
  | { readonly ok: false; readonly message: string };

/** Talos platform names the factory builds for. */
export const PLATFORMS: ReadonlySet<string> = new Set([
  'akamai',
  'alibabacloud',
  'aws',
  'azure',
  'cloudstack',
  'digital-ocean',
  'equinixMetal',
  'exoscale',
  'gcp',
  'hcloud',
  'metal',
  'nocloud',
  'opennebula',
  'openstack',
  'oracle',
  'scaleway',
  'upcloud',
  'vmware',
  'vultr',
]);

// iPXE's ${buildarch} yields x86_64 or i386 on PCs; the factory maps both to amd64.
const ARCH_ALIASES: Readonly<Record<string, Arch>> = {
  amd64: 'amd64',
  arm64: 'arm64',
  x86_64: 'amd64',
  i386: 'amd64',
};

const DISK = /^(.+)\.(?:raw|qcow2|vhd|ova)(?:\.xz|\.gz|\.zst|\.tar\.gz)?$/;

export function parseArch(text: string): Arch | undefined {
  return Object.hasOwn(ARCH_ALIASES, text) ? ARCH_ALIASES[text] : undefined;
}

/** `<platform>-<arch>[-secureboot]`; the arch is after the last dash, so `digital-ocean` works. */
export function parsePlatformArch(
  text: string,
): { platform: string; arch: Arch; secureboot: boolean } | undefined {
  const secureboot = text.endsWith('-secureboot');
  const bare = secureboot ? text.slice(0, -'-secureboot'.length) : text;
  const dash = bare.lastIndexOf('-');
  if (dash <= 0) return undefined;
  const platform = bare.slice(0, dash);
  const arch = parseArch(bare.slice(dash + 1));
  if (!arch || !PLATFORMS.has(platform)) return undefined;
  return { platform, arch, secureboot };
}

function archOnly(kind: AssetKind, text: string, platform = 'metal'): AssetPath | undefined {
  const secureboot = text.endsWith('-secureboot');
  const arch = parseArch(secureboot ? text.slice(0, -'-secureboot'.length) : text);
  return arch ? { kind, platform, arch, secureboot } : undefined;
}

function withPlatform(kind: AssetKind, text: string): AssetPath | undefined {
  const parsed = parsePlatformArch(text);
  return parsed ? { kind, ...parsed } : undefined;
}

function parseShape(path: string): AssetPath | undefined {
  if (path.startsWith('kernel-')) {
    const arch = parseArch(path.slice('kernel-'.length));
    return arch ? { kind: 'kernel', platform: 'metal', arch, secureboot: false } : undefined;
  }
  if (path.startsWith('cmdline-')) return withPlatform('cmdline', path.slice('cmdline-'.length));
  const initramfs = /^initramfs-([^.]+)\.xz$/.exec(path);
  if (initramfs) {
    const arch = parseArch(initramfs[1] ?? '');
    return arch ? { kind: 'initramfs', platform: 'metal', arch, secureboot: false } : undefined;
  }
  if (path.endsWith('-uki.efi')) return withPlatform('uki', path.slice(0, -'-uki.efi'.length));
  if (path.endsWith('.iso')) return withPlatform('iso', path.slice(0, -'.iso'.length));
  const installer = /^(?:(.+)-)?installer-([^.]+)\.tar$/.exec(path);
  if (installer) {
    const platform = installer[1] ?? 'metal';
    if (!PLATFORMS.has(platform)) return undefined;
    return archOnly('installer', installer[2] ?? '', platform);
  }
  const disk = DISK.exec(path);
  if (disk) return withPlatform('disk', disk[1] ?? '');
  return undefined;
}

export function parseAssetPath(path: string): ParsedAssetPath {
  const asset = parseShape(path);
  if (!asset) {
    return {
      ok: false,
      message: `error parsing profile from path: invalid profile path: ${JSON.stringify(path)}`,
    };
  }
  return { ok: true, asset };
}

/** Checksums and signatures are an Enterprise feature: the community factory answers 402. */
export function checksumSuffix(path: string): string | undefined {
  return ['.sha256', '.sha512', '.sigstore.json'].find((suffix) => path.endsWith(suffix));
}

/** internal/mime/mime.go, then Go's built-in table (which knows none of the other asset types). */
export function contentTypeFor(path: string): string {
  if (path.endsWith('.efi')) return 'application/efi';
  if (path.endsWith('.iso')) return 'application/x-iso9660-image';
  if (path.endsWith('.xz')) return 'application/x-xz';
  if (path.endsWith('.gz')) return 'application/gzip';
  if (path.endsWith('.qcow2')) return 'application/x-qemu-disk';
  return 'application/octet-stream';
}
