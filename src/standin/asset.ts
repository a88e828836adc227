// What an asset is, once its request has been validated: its size, headers and bytes. Shared
// by /image (no ranges) and /cdn (ranges), so both serve identical bytes.
import { Readable } from 'node:stream';
import { kernelCmdline } from './cmdline.js';
import { imageContent } from './asset-bytes.js';
import { checksumSuffix, contentTypeFor, parseAssetPath } from './image-path.js';
import { buildProblem } from './build-checks.js';
import { resolveListedVersion } from './listed-version.js';
import type { StandinState } from './state.js';

export interface Asset {
  readonly id: string;
  /** `v`-prefixed. */
  readonly version: string;
  readonly path: string;
  /** Disk images take longer to build than anything else. */
  readonly isDisk: boolean;
  readonly size: number;
  readonly contentType: string;
  /** The bytes [start, end); `end` defaults to the size. */
  open(start: number, end?: number): Readable;
}

export type AssetLookup =
  | { readonly ok: true; readonly asset: Asset }
  | { readonly ok: false; readonly status: number; readonly message: string };

/** Validates (id, version, path) in the factory's order and describes the asset. */
export function lookupAsset(
  state: StandinState,
  id: string,
  versionText: string,
  path: string,
): AssetLookup {
  const suffix = checksumSuffix(path);
  if (suffix !== undefined) {
    return {
      ok: false,
      status: 402,
      message: `enterprise not enabled: ${suffix} checksums and signatures need Image Factory Enterprise`,
    };
  }
  const stored = state.schematics.get(id);
  if (!stored)
    return { ok: false, status: 404, message: `schematic ID ${JSON.stringify(id)} not found` };
  const version = resolveListedVersion(versionText);
  if (!version.ok) return version;
  const parsed = parseAssetPath(path);
  if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
  const problem = buildProblem(
    stored.schematic,
    version.version,
    version.name,
    parsed.asset.secureboot,
  );
  if (problem !== undefined) return { ok: false, status: 400, message: problem };

  const common = {
    id,
    version: version.name,
    path,
    isDisk: parsed.asset.kind === 'disk',
    contentType: contentTypeFor(path),
  };
  if (parsed.asset.kind === 'cmdline') {
    // The command line is text the iPXE script also embeds, so it is real, not random bytes.
    const text = Buffer.from(kernelCmdline(stored.schematic, parsed.asset));
    const open = (start: number, end?: number) => Readable.from([text.subarray(start, end)]);
    return { ok: true, asset: { ...common, size: text.length, open } };
  }
  const size = state.options.assetSize(path);
  // The keystream does not depend on the size, so a shorter asset is a prefix of the full one.
  const open = (start: number, end = size) => imageContent(id, version.name, path, end, start);
  return { ok: true, asset: { ...common, size, open } };
}

export function contentDisposition(asset: Asset, query: URLSearchParams): string {
  const name = query.get('filename') || asset.path;
  return `attachment; filename=${JSON.stringify(name)}`;
}
