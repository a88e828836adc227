// The factory's ExtensionNameAlias table (internal/profile/profile.go, docs/factory-protocol.md
// §6): when a name is not in the version's catalogue it tries this one instead, so old schematics
// keep building.
export const EXTENSION_ALIASES: ReadonlyMap<string, string> = new Map([
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

/** The old names that map to `current`, for suggestions when a new name is used on an old Talos. */
export function formerNamesOf(current: string): string[] {
  return [...EXTENSION_ALIASES].filter(([, now]) => now === current).map(([old]) => old);
}
