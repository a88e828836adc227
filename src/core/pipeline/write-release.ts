// The only place a release touches the repository, and it does so all or nothing: every file is
// staged (written to a temp file and fsync'd) first, then renamed into place with the channel
// file, the pointer that makes the release current, renamed last. If any rename fails, the files
// already renamed are put back as they were, so an interrupted release leaves no manifest that
// `verify` would call released while no channel lists it.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
import { releaseState } from './existing-release.js';
import type { ReleasePlan } from './plan.js';
import type { LoadedProject } from './project.js';

export interface WrittenRelease {
  readonly manifestPath: string;
  readonly channelPath: string;
  /** Set when --extensions changed the schematic file. */
  readonly schematicPath: string | undefined;
  readonly channel: ChannelFile;
}

interface PlannedFile {
  readonly path: string;
  readonly text: string;
}

export async function writeRelease(
  project: LoadedProject,
  plan: ReleasePlan,
  manifest: ReleaseManifest,
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
  await commitAll([
    ...(schema ? [schema] : []),
    { path: plan.paths.manifest, text: `${JSON.stringify(manifest, null, 2)}\n` },
    {
      path: join(project.root, sha256SumsPathFor(manifest.releaseVersion)),
      text: sumsOf(manifest),
    },
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
  };
}

/** Every artifact (a version 1 manifest: its ISO), relative to the repository root. */
function sumsOf(manifest: ReleaseManifest): string {
  return sha256SumsText(manifest.artifacts ?? [manifest.os.iso]);
}

/** Stages every file, then renames them in order; a failure puts back what was renamed. */
async function commitAll(files: readonly PlannedFile[]): Promise<void> {
  const staged: StagedFile[] = [];
  try {
    for (const file of files) staged.push(await stageFile(file.path, file.text));
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
