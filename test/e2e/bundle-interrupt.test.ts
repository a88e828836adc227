// Ctrl-C during `bundle` of a big release: exit 130, and nothing at the bundle's final name, for
// a tar and for a directory. The installers fetched before the interruption stay in
// `<out>.partial`, and bundling again fetches none of their blobs a second time.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';
import { releaseArgs, requestsSince } from './helpers/release.js';
import { makeRepo } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';
import { waitUntil } from './helpers/wait.js';

// Big enough that copying the ISO into the bundle takes a noticeable moment to interrupt.
const e2e = useStandinAndRepos({ imageSize: 96 * 1024 * 1024 });

let repo: TempRepo;
beforeAll(async () => {
  // One release for the whole file (not e2e.makeRepo, which removes it after each test).
  repo = await makeRepo();
  const released = await runCli(releaseArgs(e2e.standin), { cwd: repo.root });
  if (released.code !== 0) throw new Error(`the release failed:\n${released.stderr}`);
}, 60_000);
afterAll(() => repo.remove());

/** Files next to `out` whose name starts with its name: the bundle, its temp tar, its .partial. */
async function besideOut(out: string): Promise<string[]> {
  const names = await readdir(dirname(out));
  return names.filter((name) => name.startsWith(basename(out))).sort();
}

const blobGets = (from: number): string[] =>
  requestsSince(e2e.standin, from).filter((line) => /^GET \/v2\/.*\/blobs\/sha256:/.test(line));

describe('Ctrl-C during bundle', () => {
  it('while the tar streams: exit 130, no tar; bundling again fetches no blob twice', async () => {
    const out = repo.path('site.tar');
    const running = startCli(['bundle', '0.1.0', '--out', out], { cwd: repo.root });
    const temp = `${out}.${running.child.pid}.talos-release.tmp`;
    // The temp tar appears once every installer is in the layout; the 96 MiB ISO comes last.
    await waitUntil(() => existsSync(temp), 'the temp tar', 30_000);
    running.child.kill('SIGINT');
    const stopped = await running.done;
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(130);
    expect(await besideOut(out)).toEqual(['site.tar.partial']);

    const before = e2e.standin.requests.length;
    const again = await runCli(['bundle', '0.1.0', '--out', out], { cwd: repo.root });
    expect(again.code, again.stderr).toBe(0);
    expect(blobGets(before)).toEqual([]);
    expect(await besideOut(out)).toEqual(['site.tar']);
    const verified = await runCli(['verify', '--bundle', out], { cwd: repo.root });
    expect(verified.code, verified.stdout).toBe(0);
  });

  it('while the ISO is copied into a directory: exit 130, no directory at the final name', async () => {
    const out = repo.path('site-dir');
    const running = startCli(['bundle', '0.1.0', '--out', out], { cwd: repo.root });
    // The artifacts are placed after the installers; the ISO's folder appears just before its copy.
    await waitUntil(() => existsSync(join(`${out}.partial`, 'artifacts')), 'the ISO copy', 30_000);
    running.child.kill('SIGINT');
    const stopped = await running.done;
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(130);
    expect(existsSync(out)).toBe(false);
  });

  it('while verify --bundle hashes a tar: exit 130', async () => {
    const out = repo.path('verify-me.tar');
    expect((await runCli(['bundle', '0.1.0', '--out', out], { cwd: repo.root })).code).toBe(0);
    const running = startCli(['verify', '--bundle', out], { cwd: repo.root });
    await running.waitForOutput('Verifying bundle');
    running.child.kill('SIGINT');
    const stopped = await running.done;
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(130);
  });
});
