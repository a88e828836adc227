// The short note a site finds at the top of a bundle: what is in it and the three commands that
// check and load it.
import type { ReleaseManifest } from '../manifest/index.js';

export function bundleReadme(manifest: ReleaseManifest, signed: boolean): string {
  const v = manifest.releaseVersion;
  return [
    `Talos appliance release ${v} (channel ${manifest.channel}, Talos ${manifest.talos.version})`,
    '',
    'Contents:',
    `  releases/${v}.json          the release manifest`,
    `  releases/${v}.sha256sums    SHA-256 of every image${signed ? ` (signed: releases/${v}.sha256sums.minisig)` : ''}`,
    `  releases/${v}.intoto.json   provenance (in-toto / SLSA)`,
    '  artifacts/...               the images (ISOs, disk images)',
    '  images/                     every installer, as an OCI image layout, digests unchanged',
    '  images.txt                  every image reference with its digest',
    '',
    'At the site, with no internet:',
    `  talos-release verify --bundle <this bundle>${signed ? ' --pubkey <team key>' : ''}`,
    `  talos-release publish --from <this bundle> --to <site registry>/<prefix>`,
    `  sha256sum -c releases/${v}.sha256sums     (from this folder, without talos-release)`,
    '',
  ].join('\n');
}
