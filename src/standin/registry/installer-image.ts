// Installer repository names the registry frontend accepts (docs/factory-protocol.md §9.1): the
// legacy `installer[-secureboot]` (which means metal) and `<platform>-installer[-secureboot]`.
import { PLATFORMS } from '../image-path.js';

export interface InstallerImage {
  readonly platform: string;
  readonly secureboot: boolean;
}

export function parseInstallerImage(name: string): InstallerImage | undefined {
  const secureboot = name.endsWith('-secureboot');
  const bare = secureboot ? name.slice(0, -'-secureboot'.length) : name;
  if (bare === 'installer') return { platform: 'metal', secureboot };
  if (!bare.endsWith('-installer')) return undefined;
  const platform = bare.slice(0, -'-installer'.length);
  return PLATFORMS.has(platform) ? { platform, secureboot } : undefined;
}
