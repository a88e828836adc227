// The targets of the multi-target benchmarks: distinct assets of one schematic and one version,
// so every stream has bytes of its own (the stand-in derives them from the asset's name) and a
// mix-up between two of them shows as a SHA-256 mismatch.

/** Four boot ISOs, as an appliance ships them: metal and nocloud, amd64 and arm64. */
export const FOUR_TARGETS = [
  'metal-amd64.iso',
  'nocloud-amd64.iso',
  'metal-arm64.iso',
  'nocloud-arm64.iso',
];

/** Six: the four ISOs plus two disk images, what the wizard's download screen must carry. */
export const SIX_TARGETS = [...FOUR_TARGETS, 'metal-amd64.raw.zst', 'nocloud-amd64.raw.xz'];

/**
 * The stand-in's URL of another asset of the same schematic and version as `isoUrl`.
 * @param {string} isoUrl  e.g. http://127.0.0.1:4000/image/<id>/v1.12.4/metal-amd64.iso
 * @param {string} asset
 */
export function assetUrl(isoUrl, asset) {
  return `${isoUrl.slice(0, isoUrl.lastIndexOf('/'))}/${asset}`;
}

/** `--target a --target b …` for the CLI. @param {readonly string[]} targets */
export const targetFlags = (targets) => targets.flatMap((name) => ['--target', name]);
