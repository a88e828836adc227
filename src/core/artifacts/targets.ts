// Release targets, named exactly as the factory names its assets (docs/factory-protocol.md §8.7),
// so an operator can paste a name from the factory's UI. Parsed and checked against the Talos
// version here, before anything is sent: a typo gets the nearest valid name.
import { closestNames } from '../catalogue/index.js';
import { UserInputError } from '../errors.js';
import { editDistance } from '../text/index.js';
import { KNOWN_PLATFORMS, atLeastTalos, supportsSecureBoot } from './platforms.js';
import type { Architecture } from './refs.js';

export type TargetKind = 'iso' | 'disk' | 'kernel' | 'initramfs' | 'uki' | 'installer-tarball';

export const DISK_FORMATS = ['raw', 'qcow2', 'vhd', 'ova'] as const;
export const DISK_COMPRESSIONS = ['xz', 'gz', 'zst', 'tar.gz'] as const;

export interface ParsedTarget {
  /** The asset path, e.g. `nocloud-amd64.raw.xz`. */
  readonly name: string;
  readonly kind: TargetKind;
  /** Undefined for kernel and initramfs, which serve every platform. */
  readonly platform: string | undefined;
  readonly arch: Architecture;
  readonly secureboot: boolean;
}

const ARCHES: readonly Architecture[] = ['amd64', 'arm64'];

const PLATFORM_ASSET =
  /^(?<platform>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?<arch>amd64|arm64)(?<sb>-secureboot)?(?<suffix>\.iso|-uki\.efi|\.(?:raw|qcow2|vhd|ova)(?:\.(?:xz|gz|zst|tar\.gz))?)$/;
const TARBALL =
  /^(?:(?<platform>[a-z0-9]+(?:-[a-z0-9]+)*?)-)?installer-(?<arch>amd64|arm64)(?<sb>-secureboot)?\.tar$/;

/** The grammar alone: undefined when the name is no asset path at all. */
function matchTarget(name: string): ParsedTarget | undefined {
  const simple = /^(?<kind>kernel|initramfs)-(?<arch>amd64|arm64)(?<xz>\.xz)?$/.exec(name)?.groups;
  if (simple) {
    const kind = simple['kind'] === 'kernel' ? 'kernel' : 'initramfs';
    // The kernel has no suffix, the initramfs always .xz.
    if ((kind === 'kernel') !== (simple['xz'] === undefined)) return undefined;
    return { name, kind, platform: undefined, arch: simple['arch'] as Architecture, secureboot: false };
  }
  const tarball = TARBALL.exec(name)?.groups;
  if (tarball) {
    return {
      name,
      kind: 'installer-tarball',
      platform: tarball['platform'] ?? 'metal',
      arch: tarball['arch'] as Architecture,
      secureboot: tarball['sb'] !== undefined,
    };
  }
  const asset = PLATFORM_ASSET.exec(name)?.groups;
  if (!asset) return undefined;
  const suffix = asset['suffix'] ?? '';
  return {
    name,
    kind: suffix === '.iso' ? 'iso' : suffix === '-uki.efi' ? 'uki' : 'disk',
    platform: asset['platform'] ?? '',
    arch: asset['arch'] as Architecture,
    secureboot: asset['sb'] !== undefined,
  };
}

export interface TargetContext {
  readonly talosVersion: string;
  /** Does the schematic this target is built from carry an overlay (a single-board computer)? */
  readonly overlay: boolean;
}

/** Every name this tool would accept for the version: the candidates for "did you mean". */
export function validTargetNames(context: TargetContext): string[] {
  const names: string[] = [];
  const sbs = supportsSecureBoot(context.talosVersion) ? ['', '-secureboot'] : [''];
  for (const arch of ARCHES) {
    names.push(`kernel-${arch}`, `initramfs-${arch}.xz`);
    for (const sb of sbs) {
      names.push(`installer-${arch}${sb}.tar`);
      for (const platform of KNOWN_PLATFORMS) {
        names.push(`${platform}-${arch}${sb}.iso`, `${platform}-${arch}${sb}-uki.efi`);
        names.push(`${platform}-installer-${arch}${sb}.tar`);
        for (const format of DISK_FORMATS) {
          names.push(`${platform}-${arch}${sb}.${format}`);
          for (const compression of DISK_COMPRESSIONS)
            names.push(`${platform}-${arch}${sb}.${format}.${compression}`);
        }
      }
    }
  }
  return names.filter((name) => targetProblem(name, context) === undefined);
}

/** Why the name cannot be a target for this version and schematic; undefined when it can. */
function targetProblem(name: string, context: TargetContext): string | undefined {
  if (name.startsWith('cmdline-'))
    return 'is a kernel command line, not an image: a release records images only';
  const target = matchTarget(name);
  if (!target) return 'is not a factory asset name';
  if (target.platform !== undefined && !KNOWN_PLATFORMS.includes(target.platform))
    return `names an unknown platform "${target.platform}"`;
  if (target.secureboot && !supportsSecureBoot(context.talosVersion))
    return `is a SecureBoot image, which needs Talos 1.5 or newer, not ${context.talosVersion}`;
  if (target.kind === 'disk' && target.platform === 'metal') {
    if (name.endsWith('.raw.zst') && !atLeastTalos(context.talosVersion, 8))
      return `is a raw.zst metal disk image, which needs Talos 1.8 or newer, not ${context.talosVersion}`;
    // From 1.8 metal disk images are raw.zst; raw.xz is what single-board computers get.
    if (
      target.arch === 'arm64' &&
      name.endsWith('.raw.xz') &&
      atLeastTalos(context.talosVersion, 8) &&
      !context.overlay
    )
      return 'is a single-board computer image, which needs a schematic with an overlay';
  }
  return undefined;
}

/** Parses and checks one target; the error names the nearest valid target. */
export function parseTarget(name: string, context: TargetContext): ParsedTarget {
  const problem = targetProblem(name, context);
  const target = matchTarget(name);
  if (problem === undefined && target) return target;
  const hint = name.startsWith('cmdline-')
    ? 'Drop it: the factory serves it at /image/<id>/<version>/' +
      `${name}, and it is not downloaded into a release.`
    : nearestHint(name, context);
  throw new UserInputError(`target "${name}" ${problem ?? 'is not valid'}`, { hint });
}

/**
 * The valid name fewest edits away. Plain edit distance rather than closestNames: asset names
 * share long stems, so a name contained in another (`metal-amd64.raw`) is no better a guess.
 */
function nearestTarget(name: string, context: TargetContext): string | undefined {
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const candidate of validTargetNames(context)) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length * 0.3)) ? best.name : undefined;
}

function nearestHint(name: string, context: TargetContext): string {
  const nearest = [nearestTarget(name, context)].filter((n) => n !== undefined);
  const example = 'e.g. metal-amd64.iso, nocloud-amd64.raw.xz, kernel-arm64';
  return nearest[0]
    ? `Did you mean ${nearest[0]}? Targets are factory asset names (${example}).`
    : `Targets are factory asset names (${example}).`;
}

/** Parses every target; a name given twice is refused rather than downloaded twice. */
export function parseTargets(
  names: readonly string[],
  contextOf: (name: string) => TargetContext,
): ParsedTarget[] {
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name))
      throw new UserInputError(`target "${name}" is named twice`, {
        hint: 'Name each target once.',
      });
    seen.add(name);
    return parseTarget(name, contextOf(name));
  });
}

export interface InstallerChoice {
  readonly platform: string;
  readonly secureboot: boolean;
}

/** `metal`, `metal-secureboot`, `nocloud`: an installer to pin. */
export function parseInstallerChoice(value: string, talosVersion: string): InstallerChoice {
  const secureboot = value.endsWith('-secureboot');
  const platform = secureboot ? value.slice(0, -'-secureboot'.length) : value;
  if (!KNOWN_PLATFORMS.includes(platform)) {
    const nearest = closestNames(platform, KNOWN_PLATFORMS, 1)[0];
    throw new UserInputError(`installer "${value}" names an unknown platform "${platform}"`, {
      hint: `${nearest ? `Did you mean ${nearest}${secureboot ? '-secureboot' : ''}? ` : ''}An installer is <platform>[-secureboot], e.g. metal or metal-secureboot.`,
    });
  }
  if (secureboot && !supportsSecureBoot(talosVersion))
    throw new UserInputError(
      `installer "${value}" is SecureBoot, which needs Talos 1.5 or newer, not ${talosVersion}`,
      { hint: `Use ${platform}, or pick Talos 1.5 or newer.` },
    );
  return { platform, secureboot };
}
