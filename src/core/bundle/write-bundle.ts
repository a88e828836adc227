// `bundle`: one release, everything a site without internet needs, in one directory or one tar.
// The installers are copied byte-exact from the factory into an OCI image layout (Talos pins them
// by digest, so not one byte may change); a layout left by an earlier, interrupted run is reused,
// since every blob in it is named by its digest. The result appears at its final name only when
// complete: a directory is renamed into place, a tar is streamed to a temp name and renamed.
import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CancelledError, UserInputError } from '../errors.js';
import type { Http } from '../http/index.js';
import {
  copyImage,
  cosignSignatureTag,
  factoryRegistrySource,
  ociLayoutDestination,
} from '../oci/index.js';
import type { ManifestBytes } from '../oci/index.js';
import {
  factoryCosignKey,
  installersToMirror,
  judgeInstallerSignature,
  readReleaseOnDisk,
} from '../publish/index.js';
import type { PublishEventSink, ReleaseOnDisk } from '../publish/index.js';
import {
  BUNDLE_COSIGN_KEY,
  BUNDLE_IMAGES_DIR,
  BUNDLE_IMAGES_LIST,
  BUNDLE_README,
  bundleKindOf,
} from './layout-names.js';
import { layoutFirstSource } from './layout-first-source.js';
import { listFiles } from './list-files.js';
import { bundleReadme } from './readme-text.js';
import { writeTar } from './tar-write.js';
import type { TarEntry } from './tar-write.js';

export interface BundleRequest {
  readonly root: string;
  readonly releaseVersion: string;
  /** A directory, or a file ending in .tar. */
  readonly out: string;
  readonly http: Http;
  readonly force: boolean;
  readonly requireSignature: boolean;
  readonly onEvent: PublishEventSink;
  readonly signal?: AbortSignal | undefined;
}

export interface BundleResult {
  readonly path: string;
  readonly kind: 'dir' | 'tar';
  readonly bytes: number;
  readonly images: readonly string[];
}

export async function writeBundle(request: BundleRequest): Promise<BundleResult> {
  try {
    return await bundleOnce(request);
  } catch (error) {
    // Ctrl-C is exit 130 whichever step it lands in (a file system call reports a plain abort).
    if (request.signal?.aborted && !(error instanceof CancelledError))
      throw new CancelledError('bundle cancelled', {
        hint: `Run the same bundle command again: the installers fetched so far are kept in ${request.out}.partial.`,
        cause: error,
      });
    throw error;
  }
}

async function bundleOnce(request: BundleRequest): Promise<BundleResult> {
  const release = await readReleaseOnDisk(request.root, request.releaseVersion);
  const kind = bundleKindOf(request.out);
  if (!request.force && (await exists(request.out)))
    throw new UserInputError(`${request.out} already exists`, {
      hint: 'Choose another --out, or pass --force to replace it.',
    });
  // Kept between runs: a second attempt after a failure or Ctrl-C fetches only what is missing.
  const staging = `${request.out}.partial`;
  await mkdir(staging, { recursive: true });
  const images = await copyInstallers(request, release, join(staging, BUNDLE_IMAGES_DIR));
  const signed = release.files.some((file) => file.title.endsWith('.minisig'));
  await writeFile(join(staging, BUNDLE_IMAGES_LIST), `${images.join('\n')}\n`);
  await writeFile(join(staging, BUNDLE_README), bundleReadme(release.manifest, signed));

  if (kind === 'tar') {
    const bytes = await writeTar(request.out, await tarEntries(staging, release), {
      signal: request.signal,
      mtime: new Date(release.manifest.generatedAt),
    });
    await rm(staging, { recursive: true, force: true });
    return { path: request.out, kind, bytes, images };
  }
  // A copy cannot be stopped half-way, so Ctrl-C is honoured between files and before the rename:
  // a cancelled bundle must never appear at its final name.
  for (const file of release.files) {
    request.signal?.throwIfAborted();
    await placeFile(file.path, join(staging, file.title));
  }
  request.signal?.throwIfAborted();
  if (request.force) await rm(request.out, { recursive: true, force: true });
  await rename(staging, request.out);
  const bytes = (await listFiles(request.out)).reduce((sum, file) => sum + file.size, 0);
  return { path: request.out, kind, bytes, images };
}

/** Every installer (and its cosign signature, with the key to check it) into the layout. */
async function copyInstallers(
  request: BundleRequest,
  release: ReleaseOnDisk,
  layoutDir: string,
): Promise<string[]> {
  const { manifest } = release;
  const layout = ociLayoutDestination(layoutDir);
  const key = await factoryCosignKey(request.http, manifest.talos.factoryUrl, request.signal);
  if (key !== undefined) {
    await mkdir(dirname(join(layoutDir, '..', BUNDLE_COSIGN_KEY)), { recursive: true });
    await writeFile(join(layoutDir, '..', BUNDLE_COSIGN_KEY), key);
  }
  const images: string[] = [];
  for (const installer of installersToMirror(manifest, 'bundle')) {
    const source = factoryRegistrySource({
      http: request.http,
      registryBase: installer.sourceBase,
      repository: installer.sourceRepository,
      signal: request.signal,
    });
    const copy = (reference: string) =>
      copyImage({
        source,
        destination: layout,
        repository: installer.sourceRepository,
        reference,
        onEvent: (event) =>
          request.onEvent({
            type: 'copy',
            repository: installer.sourceRepository,
            label: undefined,
            event,
          }),
        signal: request.signal,
      });
    const signature = await judgeInstallerSignature({
      installer,
      // Its payload blob may already sit in the layout from an interrupted run.
      source: layoutFirstSource(source, layoutDir),
      publicKeyPem: key,
      requireSignature: request.requireSignature,
      action: 'bundled',
      onEvent: request.onEvent,
      signal: request.signal,
    });
    const index = await copy(installer.digest);
    const indexManifest = index.manifests.find((m: ManifestBytes) => m.digest === installer.digest);
    if (indexManifest)
      await layout.putManifest(
        installer.sourceRepository,
        installer.tag,
        indexManifest,
        request.signal,
      );
    images.push(`${installer.image}@${installer.digest}`);
    if (signature) {
      await copy(signature.digest);
      const tag = cosignSignatureTag(installer.digest);
      await layout.putManifest(installer.sourceRepository, tag, signature, request.signal);
      images.push(`${installer.image.replace(/:[^:/]+$/, '')}:${tag}@${signature.digest}`);
    }
  }
  await layout.finish();
  return images;
}

/** Small files first, so a reader streaming the tar knows every expected hash before the images. */
async function tarEntries(staging: string, release: ReleaseOnDisk): Promise<TarEntry[]> {
  const layoutFiles = await listFiles(join(staging, BUNDLE_IMAGES_DIR));
  const fromStaging = (name: string, size: number): TarEntry => ({
    name,
    path: join(staging, name),
    size,
  });
  const small = release.files.filter(
    (file) => !file.title.startsWith('artifacts/') && file.size < 1 << 20,
  );
  const large = release.files.filter((file) => !small.includes(file));
  const blobs = layoutFiles.filter((file) => file.name.startsWith('blobs/'));
  const layoutMeta = layoutFiles.filter((file) => !blobs.includes(file));
  return [
    fromStaging(BUNDLE_README, (await stat(join(staging, BUNDLE_README))).size),
    ...small.map((file) => ({ name: file.title, path: file.path, size: file.size })),
    fromStaging(BUNDLE_IMAGES_LIST, (await stat(join(staging, BUNDLE_IMAGES_LIST))).size),
    ...layoutMeta.map((file) => fromStaging(`${BUNDLE_IMAGES_DIR}/${file.name}`, file.size)),
    ...blobs.map((file) => fromStaging(`${BUNDLE_IMAGES_DIR}/${file.name}`, file.size)),
    ...large.map((file) => ({ name: file.title, path: file.path, size: file.size })),
  ];
}

/**
 * A copy, cloned where the file system can (instant, no space): never a hard link, so a bundle
 * edited or damaged at a site cannot reach back into the repository's files.
 */
async function placeFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to, constants.COPYFILE_FICLONE);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
