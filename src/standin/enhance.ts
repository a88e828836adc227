// The checks the factory makes only when it builds something for a version ("enhancing the
// profile from the schematic"): they are never made at POST time, since schematics carry no version.
import type { Schematic } from '../core/schematic/types.js';
import { extensionsFor, overlaysFor } from './catalog.js';
import { atLeast } from './semver.js';
import type { TalosVersion } from './semver.js';

/** internal/profile/profile.go, ExtensionNameAlias: renamed extensions keep working. */
const EXTENSION_ALIASES: ReadonlyMap<string, string> = new Map([
  ['siderolabs/v4l-uvc', 'siderolabs/v4l-uvc-drivers'],
  ['siderolabs/usb-modem', 'siderolabs/usb-modem-drivers'],
  ['siderolabs/gasket', 'siderolabs/gasket-driver'],
  ['siderolabs/talos-vmtoolsd', 'siderolabs/vmtoolsd-guest-agent'],
  ['siderolabs/xe-guest-utilities', 'siderolabs/xen-guest-agent'],
  ['siderolabs/nvidia-container-toolkit', 'siderolabs/nvidia-container-toolkit-lts'],
  ['siderolabs/nvidia-open-gpu-kernel-modules', 'siderolabs/nvidia-open-gpu-kernel-modules-lts'],
  ['siderolabs/nonfree-kmod-nvidia', 'siderolabs/nonfree-kmod-nvidia-lts'],
  ['siderolabs/nvidia-fabricmanager', 'siderolabs/nvidia-fabric-manager-lts'],
  ['siderolabs/i915-ucode', 'siderolabs/i915'],
  ['siderolabs/amdgpu-firmware', 'siderolabs/amdgpu'],
]);

const ENROLL_KEYS = new Set(['off', 'manual', 'if-safe', 'force']);
const PREFIX = 'error enhancing profile from schematic';

/** The factory's 400 message when `schematic` cannot be built for `version`, else undefined. */
export function buildProblem(
  schematic: Schematic,
  version: TalosVersion,
  versionName: string,
  secureboot: boolean,
): string | undefined {
  const customization = schematic.customization;
  if (secureboot && !atLeast(version, 1, 5)) {
    return `${PREFIX}: secureboot is not supported for Talos version ${versionName}`;
  }
  const enrollKeys = customization.secureboot?.enrollKeys;
  if (enrollKeys !== undefined && enrollKeys !== '' && !ENROLL_KEYS.has(enrollKeys)) {
    return `${PREFIX}: invalid enrollKeys value ${JSON.stringify(enrollKeys)}`;
  }
  if (customization.embeddedMachineConfiguration && !atLeast(version, 1, 12)) {
    return `${PREFIX}: embedding configuration is not supported for Talos version ${versionName}`;
  }
  const overlay = schematic.overlay;
  if (overlay && (overlay.image !== '' || overlay.name !== '')) {
    if (!atLeast(version, 1, 7)) {
      return `${PREFIX}: overlay is not supported for Talos version ${versionName}`;
    }
    const known = overlaysFor(version).some(
      (o) => o.name === overlay.name && o.image === overlay.image,
    );
    if (!known) {
      return `${PREFIX}: official overlay ${JSON.stringify(`${overlay.image}:${overlay.name}`)} is not available for Talos version ${versionName}`;
    }
  }
  const available = new Set(extensionsFor(version).map((e) => e.name));
  for (const name of customization.systemExtensions?.officialExtensions ?? []) {
    const alias = EXTENSION_ALIASES.get(name);
    if (available.has(name) || (alias !== undefined && available.has(alias))) continue;
    return `${PREFIX}: official extension ${JSON.stringify(name)} is not available for Talos version ${versionName}`;
  }
  return undefined;
}
