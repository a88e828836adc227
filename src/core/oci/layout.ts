// An OCI image layout on disk (docs/distribution-protocol.md §4): `oci-layout`, `index.json` and
// `blobs/sha256/<hex>`. The pieces both directions share: where a digest lives, what a tag is
// called in index.json, and reading and writing index.json itself.
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { errnoCode, UserInputError } from '../errors.js';
import { writeFileAtomically } from '../fs/index.js';
import { digestHex } from './digest-check.js';
import { MEDIA_TYPES } from './types.js';
import type { Descriptor } from './types.js';

export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
export const OCI_LAYOUT_FILE = 'oci-layout';
export const OCI_LAYOUT_CONTENT = '{"imageLayoutVersion":"1.0.0"}';

/**
 * The ref-name grammar of the image spec's annotation (components of alphanumerics joined by
 * `-._:@+` or `--`, separated by `/`); it is also what `skopeo … oci:<dir>:<ref>` accepts.
 */
const REF_NAME =
  /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/;

/**
 * The ref name a tag gets in index.json: `<repository>:<tag>` (one layout holds several installer
 * repositories, each with a `v1.12.0`), or the bare tag when no repository is named. Either way it
 * is what follows `oci:<dir>:` for skopeo (docs/distribution-protocol.md §4).
 */
export function layoutRefName(repository: string | undefined, tag: string): string {
  const name = repository ? `${repository}:${tag}` : tag;
  if (!REF_NAME.test(name) || name.split(/[/:]/).includes('..'))
    throw new UserInputError(`${JSON.stringify(name)} is not a valid image reference name`, {
      hint: 'Use a repository such as metal-installer/<id> and a tag such as v1.12.0 (letters, digits, . _ - : @ + /).',
    });
  return name;
}

/** `<dir>/blobs/sha256/<hex>`; a digest that is not sha256 hex (and so could climb) is refused. */
export function layoutBlobPath(dir: string, digest: string): string {
  const root = resolve(dir);
  const path = join(root, 'blobs', 'sha256', digestHex(digest, `the OCI layout ${dir}`));
  const inside = relative(root, path);
  if (inside.startsWith('..') || inside.startsWith(sep))
    throw new UserInputError(`the digest ${digest} points outside the OCI layout ${dir}`);
  return path;
}

export interface LayoutIndex {
  readonly schemaVersion: 2;
  readonly mediaType: string;
  readonly manifests: readonly Descriptor[];
}

/** The layout's index.json, or undefined when there is none yet. */
export async function readLayoutIndex(dir: string): Promise<LayoutIndex | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, 'index.json'), 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: { manifests?: unknown };
  try {
    parsed = JSON.parse(text) as { manifests?: unknown };
  } catch {
    throw new UserInputError(`${join(dir, 'index.json')} is not JSON`, {
      hint: 'The OCI layout is damaged: rebuild the bundle, or point at another directory.',
    });
  }
  if (!Array.isArray(parsed.manifests))
    throw new UserInputError(`${join(dir, 'index.json')} lists no manifests`, {
      hint: 'The OCI layout is damaged: rebuild the bundle, or point at another directory.',
    });
  return {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: parsed.manifests as Descriptor[],
  };
}

export function refNameOf(descriptor: Descriptor): string | undefined {
  return descriptor.annotations?.[REF_NAME_ANNOTATION];
}

/**
 * Writes index.json (temp + rename): the entries already there stay, unless a new entry takes
 * their ref name, so a bundle can add to a previous one.
 */
export async function writeLayoutIndex(
  dir: string,
  entries: readonly Descriptor[],
): Promise<LayoutIndex> {
  const previous = (await readLayoutIndex(dir))?.manifests ?? [];
  const taken = new Set(entries.map(refNameOf).filter((n): n is string => n !== undefined));
  const kept = previous.filter((d) => {
    const name = refNameOf(d);
    return name === undefined ? !entries.some((e) => e.digest === d.digest) : !taken.has(name);
  });
  const index: LayoutIndex = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: [...kept, ...entries],
  };
  await writeFileAtomically(join(dir, OCI_LAYOUT_FILE), `${OCI_LAYOUT_CONTENT}\n`);
  await writeFileAtomically(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}
