// What the bundle tests share: the real tools they check a bundle with (minisign, sha256sum,
// skopeo), a tar written by hand for the bad-input cases, and a look at what a registry holds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { skopeoArgs } from './docker-registry.js';
import type { DockerRegistry } from './docker-registry.js';

export const HAS_MINISIGN = spawnSync('minisign', ['-v']).status === 0;
export const HAS_SKOPEO = spawnSync('skopeo', ['--version']).status === 0;

export interface ToolRun {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export function tool(command: string, args: readonly string[], cwd?: string): ToolRun {
  const run = spawnSync(command, args, { cwd });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr.toString() };
}

export const sha256Of = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A tar with exactly these entries, in this order, as an attacker or a broken copier makes it. */
export async function writeTarByHand(
  path: string,
  entries: readonly { readonly name: string; readonly bytes: Buffer }[],
): Promise<void> {
  const archive = pack();
  const written = pipeline(archive, createWriteStream(path));
  for (const entry of entries) archive.entry({ name: entry.name }, entry.bytes);
  archive.finalize();
  await written;
}

/** The repositories a registry holds (its catalog), read with plain HTTP: nothing pushed = []. */
export async function catalog(registry: DockerRegistry): Promise<string[]> {
  const response = await fetch(`${registry.scheme}://${registry.host}/v2/_catalog`);
  const body = (await response.json()) as { repositories?: string[] };
  return body.repositories ?? [];
}

/** `skopeo inspect --raw docker://…` of a plain-http test registry: the exact manifest bytes. */
export function inspectRaw(registry: DockerRegistry, reference: string): ToolRun {
  return tool('skopeo', ['inspect', '--raw', ...skopeoArgs(registry), `docker://${reference}`]);
}
