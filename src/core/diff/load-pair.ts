// Which two releases `diff` compares: each named by release version (looked up on the channel)
// or by a manifest path; by default the channel's previous and current releases.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserInputError } from '../errors.js';
import { parseChannelFile, parseManifest } from '../manifest/index.js';
import type { ChannelEntry, ChannelFile, ReleaseManifest } from '../manifest/index.js';
import { channelPathFor } from '../pipeline/index.js';

export interface PairRequest {
  readonly root: string;
  readonly channel: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ReleasePair {
  readonly from: ReleaseManifest;
  readonly to: ReleaseManifest;
}

export async function loadReleasePair(request: PairRequest): Promise<ReleasePair> {
  const root = resolve(request.root);
  const channelPath = channelPathFor(root, request.channel);
  // Two manifest paths need no channel; anything else is looked up on it.
  const needsChannel = ![request.from, request.to].every(
    (name) => name !== undefined && isPath(name),
  );
  const channel = needsChannel ? await readChannel(channelPath, request.channel) : undefined;
  const entries = channel ? [channel.current, ...channel.history] : [];
  const toName = request.to ?? entries[0]?.releaseVersion;
  const toEntry =
    toName === undefined || isPath(toName)
      ? undefined
      : findEntry(entries, toName, request.channel);
  const fromName = request.from ?? previousOf(entries, toEntry, request.channel);
  const fromEntry = isPath(fromName) ? undefined : findEntry(entries, fromName, request.channel);
  return {
    from: await readManifest(root, fromEntry?.manifest ?? fromName),
    to: await readManifest(root, toEntry?.manifest ?? toName ?? ''),
  };
}

function isPath(name: string): boolean {
  return name.endsWith('.json') || name.includes('/');
}

/** The channel file, or a clear error when the channel has no release yet. */
export async function readChannel(path: string, name: string): Promise<ChannelFile> {
  const text = await readText(
    path,
    `channel ${name} has no releases yet (${path} does not exist)`,
    {
      hint: 'Cut a release first, or pass --channel or --root; diff also takes two manifest paths.',
    },
  );
  return parseChannelFile(text, path);
}

function findEntry(
  entries: readonly ChannelEntry[],
  version: string,
  channel: string,
): ChannelEntry {
  const entry = entries.find((candidate) => candidate.releaseVersion === version);
  if (entry) return entry;
  const known = entries.map((candidate) => candidate.releaseVersion).join(', ') || 'none';
  throw new UserInputError(`channel ${channel} has no release ${version} (it lists ${known})`, {
    hint: 'Name a release the channel lists, or a manifest path such as releases/0.3.0.json.',
  });
}

/** The release before `to` on the channel (entries are newest first). */
function previousOf(
  entries: readonly ChannelEntry[],
  to: ChannelEntry | undefined,
  channel: string,
): string {
  const at = to ? entries.indexOf(to) : -1;
  const previous = at === -1 ? undefined : entries[at + 1];
  if (previous) return previous.releaseVersion;
  throw new UserInputError(
    to
      ? `channel ${channel} has no release before ${to.releaseVersion} to compare with`
      : `name the release to compare with: diff <from> <to>`,
    { hint: 'Cut a second release first, or name both: talos-release diff <from> <to>.' },
  );
}

/** A manifest by path relative to the root, fully validated. */
export async function readManifest(root: string, path: string): Promise<ReleaseManifest> {
  const full = resolve(root, path);
  const text = await readText(full, `there is no release manifest at ${full}`, {
    hint: 'Restore it from version control, or name another release.',
  });
  return parseManifest(text, full);
}

async function readText(
  path: string,
  whenMissing: string,
  details: { readonly hint: string },
): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserInputError(
      missing ? whenMissing : `cannot read ${path}: ${(error as Error).message}`,
      details,
    );
  }
}
