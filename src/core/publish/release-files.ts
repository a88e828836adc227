// The files a published release carries, read from the repository that cut it: the manifest, the
// sums file, its signature and provenance when present, and every artifact. Each comes with the
// SHA-256 the release already recorded, so uploads stream from disk without hashing twice; the
// registry checks the digest when the upload closes.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode, IntegrityError, UserInputError } from '../errors.js';
import { parseManifest, RELEASE_VERSION_PATTERN, sha256SumsPathFor } from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { RELEASE_LAYER_TYPES } from './media-types.js';

export interface ReleaseFile {
  /** The repository-relative path: the layer's title, and where a consumer puts the file. */
  readonly title: string;
  readonly path: string;
  readonly mediaType: string;
  /** Hex SHA-256. */
  readonly sha256: string;
  readonly size: number;
}

export interface ReleaseOnDisk {
  readonly root: string;
  readonly manifest: ReleaseManifest;
  readonly manifestTitle: string;
  readonly files: readonly ReleaseFile[];
}

export function manifestTitleFor(releaseVersion: string): string {
  return `releases/${releaseVersion}.json`;
}

/** Reads releases/<version>.json and lists every file to publish, each checked for its size. */
export async function readReleaseOnDisk(
  root: string,
  releaseVersion: string,
): Promise<ReleaseOnDisk> {
  if (!RELEASE_VERSION_PATTERN.test(releaseVersion))
    throw new UserInputError(`"${releaseVersion}" is not a release version`, {
      hint: 'Name a release by its semantic version, e.g. 0.1.0 (the file name in releases/).',
    });
  const manifestTitle = manifestTitleFor(releaseVersion);
  const manifestPath = join(root, manifestTitle);
  const manifestBytes = await readFile(manifestPath).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT')
      throw new UserInputError(
        `there is no release ${releaseVersion}: ${manifestPath} does not exist`,
        {
          hint: 'Cut the release first, or name one that releases/ holds (talos-release status lists them).',
        },
      );
    throw error;
  });
  const manifest = parseManifest(manifestBytes.toString('utf8'), manifestPath);
  const files: ReleaseFile[] = [smallFile(manifestTitle, manifestPath, manifestBytes, 'manifest')];
  const sumsTitle = sha256SumsPathFor(releaseVersion);
  for (const [title, kind] of [
    [sumsTitle, 'sums'],
    [`${sumsTitle}.minisig`, 'signature'],
    [`releases/${releaseVersion}.intoto.json`, 'provenance'],
  ] as const) {
    const bytes = await readFile(join(root, title)).catch(() => undefined);
    if (bytes) files.push(smallFile(title, join(root, title), bytes, kind));
  }
  for (const artifact of artifactsOf(manifest)) {
    const path = join(root, artifact.localPath);
    const size = await stat(path).then(
      (info) => info.size,
      () => undefined,
    );
    if (size !== artifact.size)
      throw new IntegrityError(
        size === undefined
          ? `${artifact.localPath} is missing: release ${releaseVersion} lists it`
          : `${artifact.localPath} is ${size} bytes, but release ${releaseVersion} recorded ${artifact.size}`,
        {
          hint: `Run talos-release verify ${manifestTitle} to see what changed; publish only a release that verifies.`,
        },
      );
    files.push({
      title: artifact.localPath,
      path,
      mediaType: RELEASE_LAYER_TYPES.image,
      sha256: artifact.sha256,
      size: artifact.size,
    });
  }
  return { root, manifest, manifestTitle, files };
}

function smallFile(
  title: string,
  path: string,
  bytes: Buffer,
  kind: keyof typeof RELEASE_LAYER_TYPES,
): ReleaseFile {
  return {
    title,
    path,
    mediaType: RELEASE_LAYER_TYPES[kind],
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  };
}

/** Version 2 lists every artifact; version 1 has the ISO alone. */
export function artifactsOf(
  manifest: ReleaseManifest,
): readonly { readonly localPath: string; readonly sha256: string; readonly size: number }[] {
  return manifest.artifacts ?? [manifest.os.iso];
}
