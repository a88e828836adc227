// `publish --from <bundle>`: at the site, the installers come from the bundle's OCI layout and
// the factory's signatures are checked with the key the bundle carries; nothing reaches the
// internet. The bundle is checked for completeness before anything is pushed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ociLayoutSource } from '../oci/index.js';
import { publishRelease, readReleaseOnDisk } from '../publish/index.js';
import type { Publication, PublishEventSink, PublishTarget } from '../publish/index.js';
import { IntegrityError } from '../errors.js';
import { directoryView } from './bundle-view.js';
import { BUNDLE_COSIGN_KEY, BUNDLE_IMAGES_DIR } from './layout-names.js';
import { openBundle } from './open-bundle.js';
import { blobPath } from './view-source.js';

export interface BundlePublishOptions {
  readonly bundle: string;
  readonly target: PublishTarget;
  readonly requireSignature: boolean;
  readonly force: boolean;
  readonly concurrency?: number | undefined;
  readonly toolVersion: string;
  readonly onEvent: PublishEventSink;
  readonly signal?: AbortSignal | undefined;
  readonly now?: () => Date;
}

export async function publishFromBundle(options: BundlePublishOptions): Promise<Publication> {
  const opened = await openBundle(options.bundle, options.signal);
  try {
    const release = await readReleaseOnDisk(opened.root, opened.releaseVersion);
    await refuseIncompleteLayout(opened.root);
    const key = await readFile(join(opened.root, BUNDLE_COSIGN_KEY), 'utf8').catch(() => undefined);
    return await publishRelease({
      release,
      target: options.target,
      installerSource: (installer) =>
        ociLayoutSource(join(opened.root, BUNDLE_IMAGES_DIR), {
          repository: installer.sourceRepository,
        }),
      cosignPublicKey: async () => key,
      requireSignature: options.requireSignature,
      // A bundle is what the site runs: its channel tag follows it.
      channelTag: release.manifest.channel,
      force: options.force,
      concurrency: options.concurrency ?? 3,
      toolVersion: options.toolVersion,
      now: options.now ?? (() => new Date()),
      onEvent: options.onEvent,
      signal: options.signal,
    });
  } finally {
    await opened.close();
  }
}

/** Every blob every image names must be there with its size, or nothing is pushed. */
async function refuseIncompleteLayout(root: string): Promise<void> {
  const view = await directoryView(root);
  const problems: string[] = [];
  for (const name of view.names) {
    if (!name.startsWith(`${BUNDLE_IMAGES_DIR}/blobs/`)) continue;
    const bytes = await view.read(name);
    if (!bytes || bytes.length > 4 * 1024 * 1024) continue;
    let document: {
      manifests?: { digest: string }[];
      config?: { digest: string };
      layers?: { digest: string }[];
    };
    try {
      document = JSON.parse(bytes.toString('utf8')) as typeof document;
    } catch {
      continue;
    }
    for (const child of [
      ...(document.manifests ?? []),
      ...(document.config ? [document.config] : []),
      ...(document.layers ?? []),
    ])
      if (!view.names.has(blobPath(child.digest))) problems.push(child.digest);
  }
  if (problems.length > 0)
    throw new IntegrityError(
      `the bundle ${root} lacks ${problems.length} blob(s): ${problems.slice(0, 3).join(', ')}`,
      {
        hint: 'Nothing was pushed. Make the bundle again with talos-release bundle, or copy it again.',
      },
    );
}
