// What the OCI tests share: a stand-in factory per test (closed afterwards), temp directories
// (removed afterwards), and a whole-stream reader.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach } from 'vitest';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin, StandinOptions } from '../../../src/standin/types.js';

export const VANILLA_ID = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';
export const REPOSITORY = `metal-installer/${VANILLA_ID}`;
export const TAG = 'v1.12.0';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

export async function factory(options: StandinOptions = {}): Promise<RunningStandin> {
  const started = await startStandin({ schematics: ['customization: {}\n'], ...options });
  cleanups.push(() => started.close());
  return started;
}

export async function tempDir(prefix = 'oci-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
