// `:version` path segments: with or without `v`, 500 when not semver (documented as intended
// upstream), 404 when not listed. The 404 message names the version without its `v`.
import { LISTED_VERSIONS } from './catalog.js';
import { formatVersion, parseVersion } from './semver.js';
import type { TalosVersion } from './semver.js';

export type ListedVersion =
  | { readonly ok: true; readonly version: TalosVersion; readonly name: string }
  | { readonly ok: false; readonly status: 404 | 500; readonly message: string };

export function resolveListedVersion(
  text: string,
  listed: readonly string[] = LISTED_VERSIONS,
): ListedVersion {
  const version = parseVersion(text);
  if (!version) return { ok: false, status: 500, message: 'internal server error' };
  const name = formatVersion(version);
  if (!listed.includes(name)) {
    return { ok: false, status: 404, message: `version ${name.slice(1)} is not available` };
  }
  return { ok: true, version, name };
}
