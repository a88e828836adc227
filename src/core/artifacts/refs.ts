// Every address a release needs for one (schematic, version, platform, arch, SecureBoot), built
// from the factory's URL templates (docs/factory-protocol.md §8.10) and registry image forms
// (docs/factory-protocol.md §9.1).
import { UserInputError } from '../errors.js';
import { normaliseTalosVersion } from '../versions/index.js';
import { diskImageSuffix, supportsSecureBoot, usesPlatformInstaller } from './platforms.js';

export type Architecture = 'amd64' | 'arm64';

export interface ArtifactInput {
  readonly factoryUrl: string;
  /** Registry host[:port] for installer images; default: the factory URL's host. */
  readonly registry?: string | undefined;
  readonly schematicId: string;
  readonly talosVersion: string;
  readonly platform: string;
  readonly arch: string;
  readonly secureboot: boolean;
  /** A single-board computer (a schematic with an overlay): its disk image stays raw.xz. */
  readonly sbc?: boolean | undefined;
}

export interface ArtifactRefs {
  readonly isoUrl: string;
  /** `<registry>/<repository>:<version>`, e.g. `factory.talos.dev/metal-installer/<id>:v1.12.4`. */
  readonly installerImage: string;
  /** The repository path inside the registry, e.g. `metal-installer/<id>`. */
  readonly installerRepository: string;
  readonly registryHost: string;
  /** Undefined for a platform whose disk image suffix is not known. */
  readonly diskImageUrl: string | undefined;
  readonly kernelUrl: string;
  readonly initramfsUrl: string;
  readonly cmdlineUrl: string;
  readonly ukiUrl: string;
  readonly pxeUrl: string;
  readonly installerTarUrl: string;
}

const SCHEMATIC_ID = /^[0-9a-f]{64}$/;
const PLATFORM = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseArchitecture(arch: string): Architecture {
  if (arch === 'amd64' || arch === 'arm64') return arch;
  throw new UserInputError(`unsupported architecture "${arch}"`, { hint: 'Use amd64 or arm64.' });
}

function checkedVersion(talosVersion: string): string {
  const version = normaliseTalosVersion(talosVersion);
  if (!version) {
    throw new UserInputError(`"${talosVersion}" is not a Talos version`, {
      hint: 'Give a version such as v1.12.4.',
    });
  }
  return version;
}

function checkInput(input: ArtifactInput): void {
  if (!SCHEMATIC_ID.test(input.schematicId)) {
    throw new UserInputError(`"${input.schematicId}" is not a schematic ID`, {
      hint: 'A schematic ID is 64 lowercase hex characters, as returned by the factory.',
    });
  }
  if (!PLATFORM.test(input.platform)) {
    throw new UserInputError(`"${input.platform}" is not a Talos platform name`, {
      hint: 'Use a platform such as metal, nocloud, aws or vmware.',
    });
  }
  if (input.secureboot && !supportsSecureBoot(input.talosVersion)) {
    throw new UserInputError(`SecureBoot images need Talos 1.5 or newer, not ${input.talosVersion}`, {
      hint: 'Drop --secureboot, or pick Talos 1.5 or newer.',
    });
  }
}

/** The factory origin without a trailing slash, e.g. `https://factory.talos.dev`. */
function originOf(factoryUrl: string): URL {
  return new URL(factoryUrl.replace(/\/+$/, ''));
}

/** The community PXE host is separate; any other factory serves /pxe itself. */
function pxeBase(factory: URL): string {
  return factory.hostname === 'factory.talos.dev'
    ? 'https://pxe.factory.talos.dev'
    : `${factory.origin}${factory.pathname.replace(/\/+$/, '')}`;
}

export function artifactRefs(input: ArtifactInput): ArtifactRefs {
  checkInput(input);
  const arch = parseArchitecture(input.arch);
  const version = checkedVersion(input.talosVersion);
  const factory = originOf(input.factoryUrl);
  const base = `${factory.origin}${factory.pathname.replace(/\/+$/, '')}`;
  const { platform, schematicId: id } = input;
  const sb = input.secureboot ? '-secureboot' : '';
  const image = `${base}/image/${id}/${version}`;
  const platformInstaller = usesPlatformInstaller(version);
  const repositoryName = platformInstaller ? `${platform}-installer${sb}` : `installer${sb}`;
  const registryHost = (input.registry ?? factory.host).replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
  const installerRepository = `${repositoryName}/${id}`;
  const suffix = diskImageSuffix(platform, version, { sbc: input.sbc ?? false });
  return {
    isoUrl: `${image}/${platform}-${arch}${sb}.iso`,
    installerImage: `${registryHost}/${installerRepository}:${version}`,
    installerRepository,
    registryHost,
    diskImageUrl: suffix ? `${image}/${platform}-${arch}${sb}.${suffix}` : undefined,
    kernelUrl: `${image}/kernel-${arch}`,
    initramfsUrl: `${image}/initramfs-${arch}.xz`,
    cmdlineUrl: `${image}/cmdline-${platform}-${arch}${sb}`,
    ukiUrl: `${image}/${platform}-${arch}${sb}-uki.efi`,
    pxeUrl: `${pxeBase(factory)}/pxe/${id}/${version}/${platform}-${arch}${sb}`,
    installerTarUrl: platformInstaller
      ? `${image}/${platform}-installer-${arch}${sb}.tar`
      : `${image}/installer-${arch}${sb}.tar`,
  };
}

export interface IsoNameInput {
  readonly talosVersion: string;
  readonly platform: string;
  readonly arch: string;
  readonly secureboot: boolean;
  readonly schematicId: string;
}

/** `talos-v1.12.4-metal-amd64[-secureboot]-<first 12 of id>.iso`: unique per schematic. */
export function isoFileName(input: IsoNameInput): string {
  const version = checkedVersion(input.talosVersion);
  const sb = input.secureboot ? '-secureboot' : '';
  return `talos-${version}-${input.platform}-${input.arch}${sb}-${input.schematicId.slice(0, 12)}.iso`;
}
