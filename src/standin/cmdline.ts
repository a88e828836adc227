// The kernel command line Talos would boot an asset with: the platform's defaults plus the
// schematic's extra arguments. /image/.../cmdline-* returns it and the iPXE scripts embed it.
import type { Schematic } from '../core/schematic/index.js';
import type { AssetPath } from './image-path.js';

const HARDENING = [
  'init_on_alloc=1',
  'slab_nomerge',
  'pti=on',
  'consoleblank=0',
  'nvme_core.io_timeout=4294967295',
  'printk.devkmsg=on',
];

export function kernelCmdline(schematic: Schematic, asset: Omit<AssetPath, 'kind'>): string {
  const console = asset.arch === 'arm64' ? ['console=ttyAMA0', 'console=tty0'] : ['console=tty0'];
  const integrity = asset.secureboot
    ? ['lockdown=confidentiality']
    : ['ima_template=ima-ng', 'ima_appraise=fix', 'ima_hash=sha512'];
  return [
    `talos.platform=${asset.platform}`,
    ...console,
    ...HARDENING,
    ...integrity,
    ...(schematic.customization.extraKernelArgs ?? []),
  ].join(' ');
}
