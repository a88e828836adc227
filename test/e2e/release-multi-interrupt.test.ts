// Ctrl-C while several targets download: exit 130, every stream's .part kept, no release.
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { waitUntil } from './helpers/wait.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const STALL_AFTER = 100_000;
const TARGETS = ['metal-amd64.iso', 'nocloud-amd64.iso', 'metal-arm64.iso'];

const { standin, makeRepo } = useStandinAndRepos({
  imageSize: 256 * 1024,
  imageDelivery: 'redirect',
});

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    () => 0,
  );
}

describe('SIGINT while several targets download', () => {
  it('exits 130 keeping the .part of every stream and writing no release', async () => {
    const repo = await makeRepo();
    standin.addFault({
      match: { method: 'GET', path: /^\/cdn\// },
      fault: { kind: 'stall', afterBytes: STALL_AFTER },
      times: 3,
    });
    const args = releaseArgs(standin, ...TARGETS.flatMap((t) => ['--target', t]));
    const run = startCli(args, { cwd: repo.root });
    await run.waitForOutput('> Downloading 3 targets');
    let parts: string[] = [];
    await waitUntil(async () => {
      parts = (await repo.files()).filter((file) => file.endsWith('.iso.part'));
      const sizes = await Promise.all(parts.map((part) => sizeOf(repo.path(part))));
      return parts.length === 3 && sizes.every((size) => size >= STALL_AFTER);
    }, 'three .part files of the stalled size');
    run.child.kill('SIGINT');
    const interrupted = await run.done;

    expect(interrupted.code).toBe(130);
    const files = await repo.files();
    for (const part of parts) expect(files).toContain(part);
    expect(files.filter((f) => f.startsWith('releases/'))).toEqual([]);
  });
});
