// `publish`: a release and its installers into the team's registry. The order is what makes it
// safe to watch from outside: every tag that would move is checked first; the factory's
// signatures are checked before a byte is copied; every blob and manifest is pushed by digest;
// only then do tags move, the channel tag last. A consumer therefore sees the old release or the
// whole new one, never half of it, and running it again finds everything in place and only
// re-points the tags (docs/distribution-protocol.md §3).
import { IntegrityError, UserInputError } from '../errors.js';
import { copyImage, cosignSignatureTag } from '../oci/index.js';
import type { ManifestBytes, OciDestination, OciSource } from '../oci/index.js';
import type { PublishEventSink } from './events.js';
import { installersToMirror } from './installer-plan.js';
import { judgeInstallerSignature } from './installer-signature.js';
import type { InstallerToMirror } from './installer-plan.js';
import type { MirroredInstaller, Publication } from './publish-record.js';
import { fileBlob, pushBlobs } from './push-files.js';
import type { FileBlob } from './push-files.js';
import {
  emptyConfigDescriptor,
  layerDescriptor,
  releaseArtifactManifest,
} from './release-artifact.js';
import { EMPTY_CONFIG_BYTES } from './media-types.js';
import type { ReleaseOnDisk } from './release-files.js';
import { Readable } from 'node:stream';

export interface PublishTarget {
  /** host[:port], as written into references. */
  readonly registry: string;
  readonly scheme: 'https' | 'http';
  readonly prefix: string;
  readonly destination: OciDestination;
}

export interface PublishRequest {
  readonly release: ReleaseOnDisk;
  readonly target: PublishTarget;
  /** Where each installer is read from: the factory's registry, or a bundle's layout. */
  readonly installerSource: (installer: InstallerToMirror) => OciSource;
  /** The factory's cosign key (PEM), or undefined when there is none to check against. */
  readonly cosignPublicKey: () => Promise<string | undefined>;
  readonly requireSignature: boolean;
  /** The channel tag to move last, or undefined when this release is not the channel's current. */
  readonly channelTag: string | undefined;
  /** Move tags that already point at something else. */
  readonly force: boolean;
  readonly concurrency: number;
  readonly toolVersion: string;
  readonly now: () => Date;
  readonly onEvent: PublishEventSink;
  readonly signal?: AbortSignal | undefined;
}

export const RELEASE_REPOSITORY = 'release';

interface TagMove {
  readonly repository: string;
  readonly tag: string;
  readonly manifest: ManifestBytes;
}

export async function publishRelease(request: PublishRequest): Promise<Publication> {
  const { release, target, onEvent, signal } = request;
  const { manifest } = release;
  const installers = installersToMirror(manifest, target.prefix);
  const releaseRepository = `${target.prefix}/${RELEASE_REPOSITORY}`;
  const artifact = releaseArtifactManifest(manifest, release.files);

  onEvent({ type: 'step', step: 'check' });
  await refuseMovingForeignTags(request, [
    ...installers.map((i) => ({ repository: i.repository, tag: i.tag, digest: i.digest })),
    { repository: releaseRepository, tag: manifest.releaseVersion, digest: artifact.digest },
  ]);

  onEvent({ type: 'step', step: 'signatures' });
  const signatures = await checkSignatures(request, installers);

  // The installers (one after another, so later ones can mount what earlier ones pushed) and the
  // release's files go up at the same time: a large ISO need not wait for the installer's layers.
  onEvent({ type: 'step', step: 'installers' });
  const [mirrors] = await settleBoth(
    (async () => {
      const done: MirroredInstallerMoves[] = [];
      for (const installer of installers)
        done.push(await mirrorInstaller(request, installer, installers, signatures));
      return done;
    })(),
    pushReleaseArtifact(request, releaseRepository, artifact),
  );
  const moves: TagMove[] = mirrors.flatMap((m) => m.moves);
  const mirrored = mirrors.map((m) => m.record);

  onEvent({ type: 'step', step: 'tags' });
  moves.push({ repository: releaseRepository, tag: manifest.releaseVersion, manifest: artifact });
  if (request.channelTag)
    moves.push({ repository: releaseRepository, tag: request.channelTag, manifest: artifact });
  // In order: installers, the release's own version, and the channel last.
  for (const move of moves) {
    await target.destination.putManifest(move.repository, move.tag, move.manifest, signal);
    onEvent({
      type: 'tag',
      reference: `${target.registry}/${move.repository}:${move.tag}`,
      digest: move.manifest.digest,
    });
  }

  return {
    registry: target.registry,
    scheme: target.scheme,
    prefix: target.prefix,
    publishedAt: request.now().toISOString(),
    toolVersion: request.toolVersion,
    release: {
      reference: `${target.registry}/${releaseRepository}:${manifest.releaseVersion}`,
      digest: artifact.digest,
      channelReference: request.channelTag
        ? `${target.registry}/${releaseRepository}:${request.channelTag}`
        : null,
    },
    installers: mirrored,
  };
}

interface MirroredInstallerMoves {
  readonly moves: readonly TagMove[];
  readonly record: MirroredInstaller;
}

/** Copies one installer (and its cosign signature) by digest; its tags move later. */
async function mirrorInstaller(
  request: PublishRequest,
  installer: InstallerToMirror,
  installers: readonly InstallerToMirror[],
  signatures: ReadonlyMap<string, ManifestBytes>,
): Promise<MirroredInstallerMoves> {
  const { target, onEvent, signal } = request;
  const source = request.installerSource(installer);
  const copy = (reference: string) =>
    copyImage({
      source,
      destination: target.destination,
      repository: installer.repository,
      reference,
      mountFrom: installers.map((i) => i.repository).filter((r) => r !== installer.repository),
      concurrency: request.concurrency,
      onEvent: (event) =>
        onEvent({ type: 'copy', repository: installer.repository, label: undefined, event }),
      signal,
    });
  const index = await copy(installer.digest);
  if (index.digest !== installer.digest)
    throw new IntegrityError(
      `the mirror of ${installer.image} is ${index.digest}, but the release pinned ${installer.digest}`,
      { hint: 'Nothing was tagged. The source served other bytes; check it and publish again.' },
    );
  const moves: TagMove[] = [];
  const indexManifest = index.manifests.find((m) => m.digest === installer.digest);
  if (indexManifest)
    moves.push({ repository: installer.repository, tag: installer.tag, manifest: indexManifest });
  const signature = signatures.get(installer.image);
  let signatureRecord: MirroredInstaller['signature'] = null;
  if (signature) {
    const copied = await copy(signature.digest);
    const tag = cosignSignatureTag(installer.digest);
    const signatureManifest =
      copied.manifests.find((m) => m.digest === signature.digest) ?? signature;
    moves.push({ repository: installer.repository, tag, manifest: signatureManifest });
    signatureRecord = {
      reference: `${target.registry}/${installer.repository}:${tag}`,
      digest: signature.digest,
    };
  }
  return {
    moves,
    record: {
      source: installer.image,
      reference: `${target.registry}/${installer.repository}:${installer.tag}`,
      digest: installer.digest,
      signature: signatureRecord,
    },
  };
}

/** Every file as a blob, then the artifact manifest by digest (no tag yet). */
async function pushReleaseArtifact(
  request: PublishRequest,
  releaseRepository: string,
  artifact: ManifestBytes,
): Promise<void> {
  const { release, target, onEvent, signal } = request;
  onEvent({ type: 'step', step: 'release' });
  const blobs: FileBlob[] = [
    {
      descriptor: emptyConfigDescriptor,
      label: 'config',
      open: async () => Readable.from([EMPTY_CONFIG_BYTES]),
    },
    ...release.files.map((file) => fileBlob(layerDescriptor(file), file.title, file.path)),
  ];
  await pushBlobs(target.destination, releaseRepository, blobs, {
    concurrency: request.concurrency,
    onEvent,
    signal,
  });
  await target.destination.putManifest(releaseRepository, artifact.digest, artifact, signal);
  onEvent({
    type: 'copy',
    repository: releaseRepository,
    label: release.manifestTitle,
    event: { type: 'manifest-done', digest: artifact.digest, reference: artifact.digest },
  });
}

/**
 * Like Promise.all, but waits for every task before reporting the first failure, so nothing is
 * still writing to the registry when the command says it stopped.
 */
async function settleBoth<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}

/** A version tag already pointing at other content is someone's release: not ours to move. */
async function refuseMovingForeignTags(
  request: PublishRequest,
  tags: readonly { repository: string; tag: string; digest: string }[],
): Promise<void> {
  if (request.force) return;
  // Reads only, so they go out together.
  const current = await Promise.all(
    tags.map(({ repository, tag }) =>
      request.target.destination.manifestDigest(repository, tag, request.signal),
    ),
  );
  tags.forEach(({ repository, tag, digest }, index) => {
    const found = current[index];
    if (found !== undefined && found !== digest)
      throw new UserInputError(
        `${request.target.registry}/${repository}:${tag} already points at ${found}, not at ${digest}`,
        {
          hint: 'Someone published other content under that tag. Check what it is; pass --force to move the tag anyway.',
        },
      );
  });
}

async function checkSignatures(
  request: PublishRequest,
  installers: readonly InstallerToMirror[],
): Promise<Map<string, ManifestBytes>> {
  const found = new Map<string, ManifestBytes>();
  const publicKeyPem = await request.cosignPublicKey();
  for (const installer of installers) {
    const signature = await judgeInstallerSignature({
      installer,
      source: request.installerSource(installer),
      publicKeyPem,
      requireSignature: request.requireSignature,
      action: 'mirrored',
      onEvent: request.onEvent,
      signal: request.signal,
    });
    if (signature) found.set(installer.image, signature);
  }
  return found;
}
