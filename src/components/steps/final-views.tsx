// The screens the wizard ends on. They take no keys: the root exits as soon as one is drawn,
// and the last frame stays in the terminal as the record of the run.
import { Box } from 'ink';
import { relative } from 'node:path';
import type { BundleResult } from '../../core/bundle/index.js';
import { formatBytes } from '../../core/format/index.js';
import type { WrittenRelease } from '../../core/pipeline/index.js';
import type { Publication } from '../../core/publish/index.js';
import { plural } from '../state/finished.js';
import type { CompletedRelease, DownloadedRelease, ReadyRelease } from '../state/steps.js';
import { Tone } from '../theme.js';
import { FullRecords } from './release-records.js';

export function DoneView({
  ready,
  written,
  published,
  epilogueNote = true,
}: {
  readonly ready: ReadyRelease;
  readonly written: WrittenRelease;
  readonly published?: Publication | undefined;
  /** Say that the references follow below; off while Done still offers a bundle (two rows less). */
  readonly epilogueNote?: boolean;
}) {
  const root = ready.project.root;
  const several = ready.plan.targets.length > 1 || ready.plan.installers.length > 1;
  const paths = [
    written.manifestPath,
    written.channelPath,
    ...(written.schematicPath ? [written.schematicPath] : []),
  ];
  return (
    <Box flexDirection="column">
      <Tone tone="good">{`✔ Release ${ready.manifest.releaseVersion} is current on ${ready.manifest.channel}.`}</Tone>
      <Box flexDirection="column" marginTop={1}>
        <Tone tone="muted">Written:</Tone>
        {paths.map((path) => (
          <Tone key={path} tone="plain">{`  ${relative(root, path)}`}</Tone>
        ))}
        <Tone tone="plain">{`  ${companionFiles(relative(root, written.manifestPath), written)}`}</Tone>
        {several ? null : (
          <>
            <Tone tone="plain">{`  ${ready.plan.paths.isoRelative}`}</Tone>
            <Tone tone="muted">ISO sha256 (computed here while downloading):</Tone>
            <Tone tone="plain">{`  ${ready.iso.sha256}`}</Tone>
          </>
        )}
      </Box>
      {several ? <FullRecords artifacts={ready.manifest.artifacts ?? []} /> : null}
      {published ? <PublishedRecords published={published} /> : null}
      {epilogueNote ? (
        <Box marginTop={1}>
          <Tone tone="muted">
            {published
              ? 'The published references, the installer and the next command follow below.'
              : 'The installer reference and the next command follow below.'}
          </Tone>
        </Box>
      ) : null}
    </Box>
  );
}

/** Where the release went; the full references, too long for one row, follow in the epilogue. */
function PublishedRecords({ published }: { readonly published: Publication }) {
  const channel = published.release.channelReference;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Tone tone="good">{`✔ Published to ${published.registry}/${published.prefix}`}</Tone>
      {/* One space of indent: " release sha256:<64 hex>" is exactly 80 columns. */}
      <Tone tone="plain">{` release ${published.release.digest}`}</Tone>
      <Tone tone="muted">
        {`  ${plural(published.installers.length, 'installer')} mirrored by digest${channel ? '; the channel tag moved' : '; the channel tag stayed'}`}
      </Tone>
    </Box>
  );
}

/** The wizard's last frame after a written release: Done's records, and the bundle if one was made. */
export function FinishedView({
  ready,
  written,
  published,
  bundled,
}: CompletedRelease & { readonly bundled?: BundleResult | undefined }) {
  return (
    <Box flexDirection="column">
      <DoneView ready={ready} written={written} published={published} />
      {bundled ? <BundledRecord ready={ready} bundled={bundled} /> : null}
    </Box>
  );
}

/** Where the bundle is and what it weighs; the commands for the site follow in the epilogue. */
export function BundledRecord({
  ready,
  bundled,
}: {
  readonly ready: ReadyRelease;
  readonly bundled: BundleResult;
}) {
  const inside = relative(ready.project.root, bundled.path);
  const shown = inside.startsWith('..') ? bundled.path : inside;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Tone tone="good">{'✔ Bundled for an air-gapped site:'}</Tone>
      <Tone tone="plain" wrap="wrap">
        {`  ${shown} (${formatBytes(bundled.bytes)}, ${plural(bundled.images.length, 'image')})`}
      </Tone>
    </Box>
  );
}

export function LeftView({ downloaded }: { readonly downloaded: DownloadedRelease }) {
  return (
    <Box flexDirection="column">
      <Tone tone="warn">Nothing was written: the manifest and the channel are unchanged.</Tone>
      <Tone tone="plain" wrap="wrap">
        {downloaded.plan.targets.length === 1
          ? `The downloaded ISO stays at ${downloaded.plan.paths.isoRelative}; the next run re-checks its hash and reuses it.`
          : `The ${downloaded.plan.targets.length} downloaded images stay beside ${downloaded.plan.paths.isoRelative}; the next run re-checks their hashes and reuses them.`}
      </Tone>
    </Box>
  );
}

export function CancelledView({
  partialDownload,
  writtenRelease,
  bundleOut,
}: {
  readonly partialDownload: string | undefined;
  readonly writtenRelease?: string | undefined;
  /** Where a cancelled bundle was going; its fetched blobs stay in `<out>.partial` for next time. */
  readonly bundleOut?: string | undefined;
}) {
  if (writtenRelease !== undefined && bundleOut !== undefined)
    return (
      <Box flexDirection="column">
        <Tone tone="warn">Bundling cancelled.</Tone>
        <Tone tone="plain" wrap="wrap">
          {`The release is written; bundle it later with talos-release bundle ${writtenRelease} --out ${bundleOut} (what was fetched stays in ${bundleOut}.partial and is reused).`}
        </Tone>
      </Box>
    );
  if (writtenRelease !== undefined)
    return (
      <Box flexDirection="column">
        <Tone tone="warn">Publishing cancelled.</Tone>
        <Tone tone="plain" wrap="wrap">
          {`The release is written; publish again with talos-release publish ${writtenRelease}`}
        </Tone>
      </Box>
    );
  return (
    <Box flexDirection="column">
      <Tone tone="warn">Cancelled. Nothing was written.</Tone>
      {partialDownload ? (
        <Tone
          tone="plain"
          wrap="wrap"
        >{`The partial download stays at ${partialDownload}; the next run resumes it.`}</Tone>
      ) : null}
    </Box>
  );
}

/** The sums file and what travels with it, on one line to keep Done within 24 rows. */
function companionFiles(
  manifestRelative: string,
  written: {
    readonly signaturePath?: string | undefined;
    readonly provenancePath?: string | undefined;
  },
): string {
  const sums = manifestRelative.replace(/\.json$/, '.sha256sums');
  return [
    sums,
    ...(written.signaturePath ? ['+ .minisig'] : []),
    ...(written.provenancePath ? [`+ ${written.provenancePath.replace(/^.*\//, '')}`] : []),
  ].join(' ');
}
