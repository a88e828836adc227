// Every way the factory can let a release down ends with its own exit code, a message that
// names what happened, and a repository exactly as it was before the run.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningStandin, StandinOptions } from '../../src/standin/types.js';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { SCHEMATIC_PATH } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const { startStandin, makeRepo } = useStandinAndRepos();
let standin: RunningStandin | undefined;
let repo: TempRepo | undefined;

afterEach(() => {
  standin = undefined;
  repo = undefined;
});

async function releaseAgainst(options: StandinOptions) {
  standin = await startStandin({ imageSize: 8192, ...options });
  repo = await makeRepo();
  const before = await repo.snapshot();
  const result = await runCli(releaseArgs(standin), { cwd: repo.root });
  return { result, before, after: await repo.snapshot() };
}

/** A preload that breaks every rename, standing in for a bug deep in the pipeline. */
const BROKEN_RENAME = fileURLToPath(new URL('./helpers/broken-rename.mjs', import.meta.url));

function withoutPartialDownloads(snapshot: Map<string, string>): Map<string, string> {
  return new Map([...snapshot].filter(([file]) => !/^artifacts\/[^/]+\.part$/.test(file)));
}

describe('exit codes of a headless release', () => {
  it('3 when the factory refuses the build (4xx), quoting the factory', async () => {
    const factoryMessage =
      'error enhancing profile from schematic: official extension "siderolabs/iscsi-tools" is not available for Talos v1.12.4';
    const { result, before, after } = await releaseAgainst({
      faults: [
        {
          match: { method: 'GET', path: /\.iso$/ },
          fault: { kind: 'status', status: 400, body: factoryMessage },
        },
      ],
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(factoryMessage);
    expect(result.stderr).toContain('HTTP 400');
    // The one thing a failed download may leave is its resumable .part file.
    expect(withoutPartialDownloads(after)).toEqual(before);
    expect([...after.keys()].filter((file) => file.endsWith('.iso'))).toEqual([]);
  });

  it('4 when the factory stays unavailable after retries', async () => {
    const { result, before, after } = await releaseAgainst({
      faults: [{ match: { path: '/versions' }, fault: { kind: 'status', status: 503 } }],
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('503');
    expect(after).toEqual(before);
    const attempts = standin?.requests.filter((request) => request.url === '/versions').length;
    expect(attempts).toBeGreaterThan(1);
  });

  it('4 when nothing listens at the factory URL', async () => {
    repo = await makeRepo();
    const closed = await startStandin({ imageSize: 1 });
    const url = closed.url;
    await closed.close();
    const result = await runCli(
      ['--yes', '--talos-version', 'latest', '--app-version', '1.0.0', '--factory-url', url],
      { cwd: repo.root },
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(new URL(url).host);
  });

  it('5 when the factory encodes the schematic differently (an older factory release)', async () => {
    standin = await startStandin({ imageSize: 8192, encoder: 'legacy', serverVersion: 'v1.4.2' });
    repo = await makeRepo();
    // `on` is single-quoted by factory v1.5 and double-quoted before it: the IDs differ
    // (docs/factory-protocol.md §7).
    await writeFile(repo.path(SCHEMATIC_PATH), 'customization:\n  extraKernelArgs:\n    - "on"\n');
    const before = await repo.snapshot();
    const result = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('v1.4.2');
    const ids = result.stderr.match(/\b[0-9a-f]{64}\b/g) ?? [];
    expect(new Set(ids).size).toBeGreaterThanOrEqual(2);
    expect(await repo.snapshot()).toEqual(before);
  });

  it('5 when the factory returns another schematic ID (tampered or drifted), showing both', async () => {
    const forged = 'f'.repeat(64);
    const { result, before, after } = await releaseAgainst({
      faults: [
        {
          match: { method: 'POST', path: '/schematics' },
          fault: { kind: 'schematic-id', id: forged },
        },
      ],
    });
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(forged);
    const dryRun = await runCli(
      [
        '--dry-run',
        '--talos-version',
        'v1.12.4',
        '--app-version',
        '1.0.0',
        '--factory-url',
        'http://127.0.0.1:9',
      ],
      { cwd: repo?.root ?? '' },
    );
    const localId = /schematic ID:\s+([0-9a-f]{64})/.exec(dryRun.stdout)?.[1];
    expect(localId).toMatch(/^[0-9a-f]{64}$/);
    expect(result.stderr).toContain(localId);
    // Nothing was downloaded or written.
    expect(after).toEqual(before);
    const downloads = standin?.requests.filter((request) => request.url.endsWith('.iso'));
    expect(downloads).toEqual([]);
  });

  it('with --json, ends stdout with an error object carrying the exit code', async () => {
    standin = await startStandin({
      imageSize: 8192,
      faults: [
        {
          match: { method: 'POST', path: '/schematics' },
          fault: { kind: 'schematic-id', id: 'd'.repeat(64) },
        },
      ],
    });
    repo = await makeRepo();
    const result = await runCli(releaseArgs(standin, '--json'), { cwd: repo.root });
    expect(result.code).toBe(5);
    const last = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<
      string,
      unknown
    >;
    expect(last).toMatchObject({
      event: 'error',
      ok: false,
      exitCode: 5,
      error: { kind: 'integrity' },
    });
    expect(JSON.stringify(last['error'])).toContain('d'.repeat(64));
  });

  it('1 for anything unexpected, with where to report it, and no release written', async () => {
    standin = await startStandin({ imageSize: 8192 });
    repo = await makeRepo();
    const before = await repo.snapshot();
    const result = await runCli(releaseArgs(standin), {
      cwd: repo.root,
      env: { NODE_OPTIONS: `--import ${BROKEN_RENAME}` },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('injected for a test');
    expect(result.stderr).toMatch(/bug in talos-release.*report/i);
    expect(withoutPartialDownloads(await repo.snapshot())).toEqual(before);
  });
});
