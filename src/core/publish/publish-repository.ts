// One publish of a release cut in this repository, as both `talos-release publish` and the
// wizard's Publish step run it: read the release, decide whether the channel tag moves, mirror
// from the factory, and record where everything went.
import { readFile } from 'node:fs/promises';
import type { Http } from '../http/index.js';
import { parseChannelFile } from '../manifest/index.js';
import { channelPathFor } from '../pipeline/index.js';
import { factoryRegistrySource } from '../oci/index.js';
import { factoryCosignKey } from './cosign-key.js';
import type { PublishEventSink } from './events.js';
import { publishRelease } from './publish-release.js';
import type { PublishTarget } from './publish-release.js';
import { recordPublication } from './publish-record.js';
import type { Publication } from './publish-record.js';
import { readReleaseOnDisk } from './release-files.js';

export interface RepositoryPublishOptions {
  readonly root: string;
  readonly releaseVersion: string;
  readonly target: PublishTarget;
  readonly http: Http;
  readonly requireSignature: boolean;
  readonly force: boolean;
  readonly concurrency?: number | undefined;
  readonly toolVersion: string;
  readonly onEvent: PublishEventSink;
  readonly signal?: AbortSignal | undefined;
  readonly now?: () => Date;
}

export interface RepositoryPublishResult {
  readonly publication: Publication;
  readonly recordPath: string;
}

export async function publishFromRepository(
  options: RepositoryPublishOptions,
): Promise<RepositoryPublishResult> {
  const release = await readReleaseOnDisk(options.root, options.releaseVersion);
  const { manifest } = release;
  const channelTag = (await isChannelCurrent(
    options.root,
    manifest.channel,
    manifest.releaseVersion,
  ))
    ? manifest.channel
    : undefined;
  if (!channelTag)
    options.onEvent({
      type: 'warning',
      message: `release ${manifest.releaseVersion} is not the current release of channel ${manifest.channel}; the channel tag stays where it is`,
    });
  const publication = await publishRelease({
    release,
    target: options.target,
    installerSource: (installer) =>
      factoryRegistrySource({
        http: options.http,
        registryBase: installer.sourceBase,
        repository: installer.sourceRepository,
        signal: options.signal,
      }),
    cosignPublicKey: () =>
      factoryCosignKey(options.http, manifest.talos.factoryUrl, options.signal),
    requireSignature: options.requireSignature,
    channelTag,
    force: options.force,
    concurrency: options.concurrency ?? 3,
    toolVersion: options.toolVersion,
    now: options.now ?? (() => new Date()),
    onEvent: options.onEvent,
    signal: options.signal,
  });
  options.onEvent({ type: 'step', step: 'record' });
  const recordPath = await recordPublication(options.root, manifest.releaseVersion, publication);
  return { publication, recordPath };
}

/** The channel file in releases/channels names the release a channel tag should point to. */
async function isChannelCurrent(
  root: string,
  channel: string,
  releaseVersion: string,
): Promise<boolean> {
  const path = channelPathFor(root, channel);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  return parseChannelFile(text, path).current.releaseVersion === releaseVersion;
}
