// A bundle to publish from: a directory is used where it is; a tar is unpacked once, beside it,
// after every entry name is checked, because pushing needs to read blobs from any offset.
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { IntegrityError, UserInputError } from '../errors.js';
import { bundleKindOf } from './layout-names.js';
import { readTarFiles } from './tar-read.js';

export interface OpenedBundle {
  readonly root: string;
  readonly releaseVersion: string;
  /** Removes what opening made (the unpacked copy of a tar); a directory is left alone. */
  close(): Promise<void>;
}

export async function openBundle(path: string, signal?: AbortSignal): Promise<OpenedBundle> {
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new UserInputError(`the bundle ${path} does not exist`, {
      hint: 'Give the directory or .tar that talos-release bundle wrote.',
    });
  if (info.isDirectory())
    return { root: path, releaseVersion: await releaseIn(path), close: async () => undefined };
  if (bundleKindOf(path) !== 'tar')
    throw new UserInputError(`${path} is neither a bundle directory nor a .tar`, {
      hint: 'Give the directory or .tar that talos-release bundle wrote.',
    });
  const root = `${path}.unpacked`;
  await rm(root, { recursive: true, force: true });
  try {
    await unpack(path, root, signal);
    return {
      root,
      releaseVersion: await releaseIn(root),
      close: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function unpack(tar: string, root: string, signal?: AbortSignal): Promise<void> {
  await readTarFiles(
    tar,
    async (name, stream) => {
      const target = join(root, name);
      await mkdir(dirname(target), { recursive: true });
      await pipeline(stream, createWriteStream(target));
    },
    signal,
  );
}

async function releaseIn(root: string): Promise<string> {
  const names = await readdir(join(root, 'releases')).catch(() => [] as string[]);
  const versions = names
    .filter(
      (n) => n.endsWith('.json') && !n.endsWith('.publish.json') && !n.endsWith('.intoto.json'),
    )
    .map((n) => n.slice(0, -'.json'.length));
  const [only, ...more] = versions;
  if (only === undefined || more.length > 0)
    throw new IntegrityError(
      `${root} holds ${versions.length} release manifests in releases/, not one`,
      {
        hint: 'Give a bundle that talos-release bundle wrote.',
      },
    );
  return only;
}
