// A bundle to publish from: a directory is used where it is; a tar is unpacked once, beside it,
// after every entry name is checked, because pushing needs to read blobs from any offset.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import { CancelledError, IntegrityError, UserInputError } from '../errors.js';
import { bundleKindOf, isSafeBundlePath } from './layout-names.js';
import { requireEndOfArchive } from './tar-end.js';

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
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    // A tar cut short fails the entry stream as well as the reader; the reader's error is the
    // one reported (see bundle-view.ts), so the entry's copy must not go unhandled.
    stream.on('error', (error: Error) => reader.destroy(error));
    const name = header.name.replace(/^\.\//, '');
    if (!isSafeBundlePath(name)) {
      reader.destroy(
        new UserInputError(
          `${tar} holds an entry named "${header.name}", which climbs out of the bundle`,
          {
            hint: 'Do not load this bundle: it was not written by talos-release, or it was tampered with.',
          },
        ),
      );
      return;
    }
    if (header.type !== 'file') {
      stream.resume();
      stream.on('end', next);
      return;
    }
    const target = join(root, name);
    mkdir(dirname(target), { recursive: true })
      .then(() => pipeline(stream, createWriteStream(target)))
      .then(
        () => next(),
        (error: unknown) => reader.destroy(error as Error),
      );
  });
  try {
    await pipeline(createReadStream(tar), reader, { signal });
  } catch (error) {
    if (signal?.aborted) throw new CancelledError('cancelled', { cause: error });
    if (error instanceof UserInputError) throw error;
    throw new IntegrityError(`${tar} is not a complete tar: ${(error as Error).message}`, {
      hint: 'The bundle was cut short in transit; copy it again and compare its size with the original.',
    });
  }
  // Checked after the entries, so a climbing entry or a cut inside one is what gets reported.
  await requireEndOfArchive(tar);
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
