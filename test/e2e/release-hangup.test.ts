// A closing terminal or SSH session sends SIGHUP: the run stops like Ctrl-C (exit 130), keeps
// its resumable .part, and releases the repository lock so the next run is not refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../src/core/fs/lock.js';
import { startStandin } from '../../src/standin/server.js';
import type { RunningStandin } from '../../src/standin/types.js';
import { startCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { makeRepo } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';

let standin: RunningStandin;
let repo: TempRepo;

beforeAll(async () => {
  standin = await startStandin({ imageSize: 256 * 1024, imageDelivery: 'redirect' });
});
afterAll(() => standin.close());
afterEach(() => repo?.remove());

describe('SIGHUP during a --yes release', () => {
  it('exits 130 and leaves no lock behind', async () => {
    repo = await makeRepo();
    standin.addFault({
      match: { method: 'GET', path: /^\/cdn\// },
      fault: { kind: 'stall', afterBytes: 100_000 },
      times: 1,
    });
    const run = startCli(releaseArgs(standin), { cwd: repo.root });
    await run.waitForOutput('> Downloading');
    run.child.kill('SIGHUP');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/cancel/i);
    expect(await repo.files()).not.toContain(LOCK_FILE_NAME);
  });
});
