// Shared set-up for the network tests: a stand-in factory on loopback, a scratch directory, and the
// expected bytes of an asset computed from the stand-in's content generator, never by the engine.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageContent } from '../../../src/standin/asset-bytes.js';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin, StandinOptions } from '../../../src/standin/types.js';

export const VANILLA_ID = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';
export const VERSION = 'v1.12.0';
export const ASSET = 'metal-amd64.iso';
export const IMAGE_PATH = `/image/${VANILLA_ID}/${VERSION}/${ASSET}`;
/** Big enough for many socket reads, small enough to keep the suite quick. */
export const IMAGE_SIZE = 1024 * 1024 + 4321;

export interface Fixture {
  readonly standin: RunningStandin;
  readonly dir: string;
  readonly dest: string;
  readonly url: string;
  close(): Promise<void>;
}

export async function startFixture(options: StandinOptions = {}): Promise<Fixture> {
  const standin = await startStandin({
    imageSize: IMAGE_SIZE,
    schematics: ['customization: {}\n'],
    ...options,
  });
  const dir = await mkdtemp(join(tmpdir(), 'talos-download-'));
  return {
    standin,
    dir,
    dest: join(dir, 'artifacts', 'talos.iso'),
    url: `${standin.url}${IMAGE_PATH}`,
    async close() {
      await standin.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** SHA-256 of the asset as the stand-in generates it, independent of the download engine. */
export async function expectedSha256(size = IMAGE_SIZE): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of imageContent(VANILLA_ID, VERSION, ASSET, size))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function getRequests(standin: RunningStandin, pathPrefix: string): number {
  return standin.requests.filter((r) => r.method === 'GET' && r.url.startsWith(pathPrefix)).length;
}

/** SHA-256 of a file the engine wrote, read back in full (test files are small). */
export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** Size of a file, or -1 when nothing is there. */
export async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    () => -1,
  );
}
