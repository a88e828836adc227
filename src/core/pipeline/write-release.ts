// The only place a release touches the repository, and it does so all or nothing: every file is
// staged (written to a temp file and fsync'd) first, then renamed into place with the channel
// file, the pointer that makes the release current, renamed last. If any rename fails, the files
// already renamed are put back as they were, so an interrupted release leaves no manifest that
// `verify` would call released while no channel lists it.
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserInputError } from '../errors.js';
import { stageFile, writeFileAtomically } from '../fs/index.js';
import type { StagedFile } from '../fs/index.js';
import {
  advanceChannel,
  manifestJsonSchemaText,
  sha256SumsPathFor,
  sha256SumsText,
} from '../manifest/index.js';
import type { ChannelFile, ReleaseManifest } from '../manifest/index.js';
import { buildProvenance, provenancePathFor, signEnvelope } from '../provenance/index.js';
import type { SchematicParameter } from '../provenance/index.js';
import { signBytes } from '../signing/index.js';
import type { SecretKey } from '../signing/index.js';
import { releaseState } from './existing-release.js';
import type { ReleasePlan } from './plan.js';
import type { LoadedProject } from './project.js';

export interface WrittenRelease {
  readonly manifestPath: string;
  readonly channelPath: string;
  /** Set when --extensions changed the schematic file. */
  readonly schematicPath: string | undefined;
  readonly channel: ChannelFile;
  /** `releases/<v>.sha256sums.minisig`, relative to the root; set when the release was signed. */
  readonly signaturePath?: string | undefined;
  /** `releases/<v>.intoto.json`, relative to the root; set when provenance was written. */
  readonly provenancePath?: string | undefined;
}

/** A file to write, or (text undefined) one to remove as part of the same commit. */
interface PlannedFile {
  readonly path: string;
  readonly text: string | undefined;
}

/** What the provenance says about this run, and the key that signs, when there is one. */
export interface ReleaseAttestation {
  readonly toolVersion: string;
  readonly startedOn: Date;
  readonly finishedOn: Date;
  readonly invocationId: string;
  readonly signingKey?: SecretKey | undefined;
}

export async function writeRelease(
  project: LoadedProject,
  plan: ReleasePlan,
  manifest: ReleaseManifest,
  attestation?: ReleaseAttestation,
): Promise<WrittenRelease> {
  // Checked again here: another run may have released this version since the plan was made.
  if (!plan.answers.force && (await releaseState(project.root, plan.paths)) === 'listed') {
    throw new UserInputError(
      `release ${plan.answers.releaseVersion} already exists (${plan.paths.manifestRelative})`,
      { hint: 'Choose another --release-version, or pass --force to overwrite it.' },
    );
  }
  const channel = advanceChannel(project.channel, {
    channel: plan.answers.channel,
    releaseVersion: manifest.releaseVersion,
    manifest: plan.paths.manifestRelative,
    talosVersion: manifest.talos.version,
    schematicId: manifest.talos.schematicId,
    releasedAt: manifest.generatedAt,
  });
  const schema = await schemaBeside(plan.paths.manifest);
  const sumsPath = join(project.root, sha256SumsPathFor(manifest.releaseVersion));
  const sums = sumsOf(manifest);
  await commitAll([
    ...(schema ? [schema] : []),
    { path: plan.paths.manifest, text: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: sumsPath, text: sums },
    ...(attestation ? attestationFiles(project.root, plan, manifest, sums, attestation) : []),
    ...(plan.schematicFileUpdate
      ? [{ path: project.schematicFile.path, text: plan.schematicFileUpdate.after }]
      : []),
    // Last: until this rename the release is not current anywhere.
    { path: plan.paths.channel, text: `${JSON.stringify(channel, null, 2)}\n` },
  ]);
  return {
    manifestPath: plan.paths.manifest,
    channelPath: plan.paths.channel,
    schematicPath: plan.schematicFileUpdate ? project.schematicFile.path : undefined,
    channel,
    signaturePath: attestation?.signingKey
      ? `${sha256SumsPathFor(manifest.releaseVersion)}.minisig`
      : undefined,
    provenancePath: attestation ? provenancePathFor(manifest.releaseVersion) : undefined,
  };
}

/**
 * The sums' minisign signature (removed when this release is not signed, so a --force rerun
 * leaves no signature of the old sums behind) and the provenance: a DSSE envelope when signing,
 * the plain statement otherwise. docs/distribution-protocol.md §5, §6.
 */
function attestationFiles(
  root: string,
  plan: ReleasePlan,
  manifest: ReleaseManifest,
  sums: string,
  attestation: ReleaseAttestation,
): PlannedFile[] {
  const sumsRelative = sha256SumsPathFor(manifest.releaseVersion);
  const key = attestation.signingKey;
  const schematics: SchematicParameter[] = plan.targetSchematics.map((s) => ({
    id: s.id,
    yaml: s.canonical,
  }));
  const statement = buildProvenance(manifest, { ...attestation, schematics });
  const provenance = key ? signEnvelope(statement, key) : statement;
  return [
    {
      path: join(root, `${sumsRelative}.minisig`),
      text: key
        ? signBytes(Buffer.from(sums, 'utf8'), basename(sumsRelative), key, {
            untrustedComment: `signature of release ${manifest.releaseVersion} by talos-release key ${key.keyId}`,
            now: () => attestation.finishedOn,
          })
        : undefined,
    },
    {
      path: join(root, provenancePathFor(manifest.releaseVersion)),
      text: `${JSON.stringify(provenance, null, 2)}\n`,
    },
  ];
}

/** Every artifact (a version 1 manifest: its ISO), relative to the repository root. */
function sumsOf(manifest: ReleaseManifest): string {
  return sha256SumsText(manifest.artifacts ?? [manifest.os.iso]);
}

/** Stages every file, then renames them in order; a failure puts back what was renamed. */
async function commitAll(files: readonly PlannedFile[]): Promise<void> {
  const staged: StagedFile[] = [];
  try {
    for (const file of files) {
      staged.push(
        file.text === undefined ? stagedRemoval(file.path) : await stageFile(file.path, file.text),
      );
    }
  } catch (error) {
    await Promise.all(staged.map((s) => s.discard()));
    throw error;
  }
  const previous = await Promise.all(
    files.map((f) => readFile(f.path, 'utf8').catch(() => undefined)),
  );
  let committed = 0;
  try {
    for (const file of staged) {
      await file.commit();
      committed += 1;
    }
  } catch (error) {
    await Promise.all(staged.slice(committed + 1).map((s) => s.discard()));
    for (let i = committed - 1; i >= 0; i -= 1) await restore(files[i]?.path, previous[i]);
    throw error;
  }
}

/** A removal that commits like a rename: nothing to stage, nothing to discard. */
function stagedRemoval(path: string): StagedFile {
  return {
    path,
    commit: () => rm(path, { force: true }),
    discard: () => Promise.resolve(),
  };
}

/** Puts a file back as it was before the release: its old text, or no file at all. */
async function restore(path: string | undefined, text: string | undefined): Promise<void> {
  if (path === undefined) return;
  if (text === undefined) await rm(path, { force: true });
  else await writeFileAtomically(path, text);
}

/**
 * Every manifest says `"$schema": "./schema.json"`; the schema is put beside it (or refreshed
 * when this tool's differs) so editors and validators in the operator's repository find it.
 */
async function schemaBeside(manifestPath: string): Promise<PlannedFile | undefined> {
  const path = join(dirname(manifestPath), 'schema.json');
  const wanted = manifestJsonSchemaText();
  const current = await readFile(path, 'utf8').catch(() => undefined);
  return current === wanted ? undefined : { path, text: wanted };
}
