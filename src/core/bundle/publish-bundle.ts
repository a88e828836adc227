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
import { verifyBundle } from './verify-bundle.js';
import type { BundleVerifyOptions } from './verify-bundle.js';
import { openBundle } from './open-bundle.js';

export interface BundlePublishOptions {
  readonly bundle: string;
  readonly target: PublishTarget;
  readonly requireSignature: boolean;
  /** With --pubkey: the sums and provenance must be signed by it before anything is pushed. */
  readonly publicKey?: BundleVerifyOptions['publicKey'];
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
    await refuseDamagedBundle(opened.root, options);
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

/**
 * The whole offline check, before the first byte goes out: a bundle with a missing or damaged
 * file, blob or signature pushes nothing.
 */
async function refuseDamagedBundle(root: string, options: BundlePublishOptions): Promise<void> {
  const report = await verifyBundle({
    view: await directoryView(root),
    publicKey: options.publicKey,
    signal: options.signal,
  });
  const failures = report.checks.filter((check) => check.status === 'fail');
  if (failures.length === 0) return;
  throw new IntegrityError(
    `the bundle ${options.bundle} does not verify: ${failures
      .map((check) => `${check.title} (${(check.detail ?? '').split('\n')[0]})`)
      .join('; ')}`,
    {
      hint: `Nothing was pushed. Run talos-release verify --bundle ${options.bundle} for the details; copy or make the bundle again.`,
    },
  );
}
