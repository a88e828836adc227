// The repository as the pipeline finds it: the schematic, the channel and its current release.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { errnoCode, UserInputError } from '../errors.js';
import { channelNameField, parseChannelFile, parseManifest } from '../manifest/index.js';
import type { ChannelFile, ReleaseManifest } from '../manifest/index.js';
import { loadSchematicFile } from '../schematic/index.js';
import type { Schematic } from '../schematic/index.js';
import { RELEASES_DIR } from './answers.js';
import { shownValue } from './release-version.js';

export interface SchematicFile {
  readonly path: string;
  /** Relative to the root, with forward slashes, as recorded in the manifest. */
  readonly relativePath: string;
  readonly text: string;
  readonly schematic: Schematic;
}

export interface LoadedProject {
  readonly root: string;
  readonly schematicFile: SchematicFile;
  readonly channelName: string;
  readonly channelPath: string;
  readonly channel: ChannelFile | undefined;
  /** The manifest the channel currently points at, when there is one. */
  readonly currentManifest: ReleaseManifest | undefined;
}

export interface ProjectLocation {
  readonly root: string;
  readonly schematicPath: string;
  readonly channel: string;
}

export async function loadProject(location: ProjectLocation): Promise<LoadedProject> {
  const root = resolve(location.root);
  const schematicPath = resolvePath(root, location.schematicPath);
  const loaded = await loadSchematicFile(schematicPath);
  const channelPath = channelPathFor(root, location.channel);
  const channel = await readOptional(channelPath, parseChannelFile);
  const currentManifest = channel
    ? await readOptional(join(root, channel.current.manifest), parseManifest)
    : undefined;
  return {
    root,
    schematicFile: { ...loaded, relativePath: toPosix(relative(root, schematicPath)) },
    channelName: location.channel,
    channelPath,
    channel,
    currentManifest,
  };
}

export function channelPathFor(root: string, channel: string): string {
  // The channel file's own rule for the name, so a name that works here is one it can record.
  if (!channelNameField.safeParse(channel).success) {
    throw new UserInputError(`invalid channel name: ${shownValue(channel)}`, {
      hint: 'Use letters, digits, dots, dashes and underscores, e.g. stable or beta.',
    });
  }
  return join(root, RELEASES_DIR, 'channels', `${channel}.json`);
}

export function resolvePath(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}

export function toPosix(path: string): string {
  return path.split('\\').join('/');
}

async function readOptional<T>(
  path: string,
  parse: (text: string, file: string) => T,
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw new UserInputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return parse(text, path);
}
