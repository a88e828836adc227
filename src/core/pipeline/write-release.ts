// The only place a release touches the repository. Each file is replaced atomically, and the
// channel file, the pointer that makes the release current, is written last.
import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserInputError } from '../errors.js';
import { writeFileAtomically } from '../fs/atomic-write.js';
import { advanceChannel, manifestJsonSchemaText } from '../manifest/index.js';
import type { ChannelFile, ReleaseManifest } from '../manifest/index.js';
import type { ReleasePlan } from './plan.js';
import type { LoadedProject } from './project.js';

export interface WrittenRelease {
  readonly manifestPath: string;
  readonly channelPath: string;
  /** Set when --extensions changed the schematic file. */
  readonly schematicPath: string | undefined;
  readonly channel: ChannelFile;
}

export async function writeRelease(
  project: LoadedProject,
  plan: ReleasePlan,
  manifest: ReleaseManifest,
): Promise<WrittenRelease> {
  // Checked again here: another run may have written this version since the plan was made.
  if (!plan.answers.force && (await exists(plan.paths.manifest))) {
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
  await writeSchemaBeside(plan.paths.manifest);
  await writeFileAtomically(plan.paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  if (plan.schematicFileUpdate) {
    await writeFileAtomically(project.schematicFile.path, plan.schematicFileUpdate.after);
  }
  await writeFileAtomically(plan.paths.channel, `${JSON.stringify(channel, null, 2)}\n`);
  return {
    manifestPath: plan.paths.manifest,
    channelPath: plan.paths.channel,
    schematicPath: plan.schematicFileUpdate ? project.schematicFile.path : undefined,
    channel,
  };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every manifest says `"$schema": "./schema.json"`; the schema is put beside it (or refreshed
 * when this tool's differs) so editors and validators in the operator's repository find it.
 */
async function writeSchemaBeside(manifestPath: string): Promise<void> {
  const path = join(dirname(manifestPath), 'schema.json');
  const wanted = manifestJsonSchemaText();
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== wanted) await writeFileAtomically(path, wanted);
}
