// The rows of the Targets screen: the images appliances commonly ship, grouped as the factory's
// UI groups them, for amd64 and arm64, SecureBoot where the version has it. Only names the core
// accepts for the version are offered; targets picked elsewhere (talos-release.yaml, --target)
// that are not among them come last, so nothing picked is ever hidden.
import { diskImageSuffix, validTargetNames } from '../../../core/artifacts/index.js';
import type { TargetRequest } from '../../../core/pipeline/index.js';

export type TargetRow =
  | { readonly kind: 'group'; readonly title: string }
  | { readonly kind: 'target'; readonly name: string };

const ARCHES = ['amd64', 'arm64'] as const;

/** Candidates per group; each is kept only when the version accepts it. */
function candidates(
  talosVersion: string,
): readonly { readonly title: string; readonly names: string[] }[] {
  const both = (make: (arch: string) => string[]): string[] => ARCHES.flatMap(make);
  return [
    {
      title: 'Boot ISOs',
      names: both((a) => [`metal-${a}.iso`, `nocloud-${a}.iso`, `metal-${a}-secureboot.iso`]),
    },
    {
      title: 'Disk images',
      names: both((a) => [
        `metal-${a}.${diskImageSuffix('metal', talosVersion) ?? 'raw.xz'}`,
        `nocloud-${a}.raw.xz`,
        `metal-${a}.qcow2`,
        `vmware-${a}.ova`,
      ]),
    },
    {
      title: 'Installer tarballs',
      names: both((a) => [`installer-${a}.tar`, `installer-${a}-secureboot.tar`]),
    },
    {
      title: 'Netboot (kernel + initramfs)',
      names: both((a) => [`kernel-${a}`, `initramfs-${a}.xz`]),
    },
  ];
}

export function targetRows(
  talosVersion: string,
  picked: readonly TargetRequest[],
): readonly TargetRow[] {
  const valid = new Set(validTargetNames({ talosVersion, overlay: false }));
  const rows: TargetRow[] = [];
  const offered = new Set<string>();
  for (const group of candidates(talosVersion)) {
    const names = group.names.filter((name) => valid.has(name));
    if (names.length === 0) continue;
    rows.push({ kind: 'group', title: group.title });
    for (const name of names) {
      offered.add(name);
      rows.push({ kind: 'target', name });
    }
  }
  const others = picked.filter((target) => !offered.has(target.name));
  if (others.length > 0) {
    rows.push({ kind: 'group', title: 'Also picked' });
    for (const target of others) rows.push({ kind: 'target', name: target.name });
  }
  return rows;
}
