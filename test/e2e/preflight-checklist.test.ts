// `preflight`: the release's checks as a checklist, each failure with its reason and fix, the
// exit code of the most serious one, and nothing written to the repository.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { SCHEMATIC_PATH } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const IMAGE_SIZE = 12_345;

const { standin, startStandin, makeRepo } = useStandinAndRepos({ imageSize: IMAGE_SIZE });
let repo: TempRepo;

interface Report {
  ok: boolean;
  exitCode: number;
  isoSize?: number;
  checks: { id: string; status: 'pass' | 'fail' | 'skip'; detail?: string; fix?: string }[];
}

function preflightArgs(...extra: string[]): string[] {
  return ['preflight', '--talos-version', 'v1.12.4', '--factory-url', standin.url, ...extra];
}

async function preflightJson(...extra: string[]) {
  const result = await runCli([...preflightArgs(...extra), '--json'], { cwd: repo.root });
  return { result, report: JSON.parse(result.stdout) as Report };
}

function statusOf(report: Report, id: string): string | undefined {
  return report.checks.find((check) => check.id === id)?.status;
}

describe('talos-release preflight', () => {
  it('passes every check on a fresh repository and writes nothing', async () => {
    repo = await makeRepo();
    const before = await repo.snapshot();
    const result = await runCli(preflightArgs(), { cwd: repo.root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const title of [
      'schematic present and valid',
      'extensions available for the version',
      'factory reachable',
      'release version free',
      'releases directory writable',
      'artifacts directory writable',
      'enough free disk for the ISO',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^ok +${title}`, 'm'));
    }
    expect(result.stdout).not.toMatch(/^FAIL/m);
    expect(await repo.snapshot()).toEqual(before);
  });

  it('checks an --extensions set without writing it into the schematic file', async () => {
    repo = await makeRepo();
    const before = await repo.snapshot();
    const { result, report } = await preflightJson('--extensions', 'siderolabs/gvisor');
    expect(result.code).toBe(0);
    expect(statusOf(report, 'extension')).toBe('pass');
    expect(await repo.snapshot()).toEqual(before);
  });

  it('learns the ISO size from a HEAD and reports it with --json', async () => {
    repo = await makeRepo();
    const from = standin.requests.length;
    const { result, report } = await preflightJson();
    expect(result.code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.isoSize).toBe(IMAGE_SIZE);
    const heads = standin.requests.slice(from).filter((request) => request.method === 'HEAD');
    expect(heads.map((request) => request.url)).toContainEqual(expect.stringMatching(/\.iso$/));
    // Nothing is downloaded.
    const downloads = standin.requests
      .slice(from)
      .filter((request) => request.method === 'GET' && request.url.endsWith('.iso'));
    expect(downloads).toEqual([]);
  });

  it('fails an extension the version lacks, with the fix and the closest name (exit 2)', async () => {
    repo = await makeRepo();
    const { result, report } = await preflightJson('--extensions', 'siderolabs/iscsi-tool');
    expect(result.code).toBe(2);
    const extension = report.checks.find((check) => check.id === 'extension');
    expect(extension?.status).toBe('fail');
    expect(extension?.detail).toContain('siderolabs/iscsi-tools');
    expect(extension?.fix).toBeTruthy();
    // Schematic, factory and directories are still checked and reported.
    expect(statusOf(report, 'schematic')).toBe('pass');
    expect(statusOf(report, 'factory')).toBe('pass');
    expect(statusOf(report, 'releases-dir')).toBe('pass');
  });

  it('fails a bad schematic with its line and column (exit 2)', async () => {
    repo = await makeRepo();
    await writeFile(repo.path(SCHEMATIC_PATH), 'customization:\n  extraKernelArgs: quiet\n');
    const result = await runCli(preflightArgs(), { cwd: repo.root });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^FAIL schematic present and valid/m);
    expect(result.stdout).toContain('metal-amd64.yaml:2:');
    expect(result.stdout).toMatch(/^ok +factory reachable/m);
  });

  it('fails a release version that exists, and passes it with --force', async () => {
    repo = await makeRepo();
    expect(
      (await runCli(releaseArgs(standin, '--release-version', '1.0.0'), { cwd: repo.root })).code,
    ).toBe(0);
    const taken = await preflightJson('--release-version', '1.0.0');
    expect(taken.result.code).toBe(2);
    expect(statusOf(taken.report, 'release-exists')).toBe('fail');
    const forced = await preflightJson('--release-version', '1.0.0', '--force');
    expect(forced.result.code).toBe(0);
  });

  it('exits 4 when the factory cannot be reached, still checking the local side', async () => {
    repo = await makeRepo();
    const gone = await startStandin({ imageSize: 1 });
    const url = gone.url;
    await gone.close();
    const result = await runCli(
      ['preflight', '--talos-version', 'v1.12.4', '--factory-url', url, '--json'],
      {
        cwd: repo.root,
      },
    );
    expect(result.code).toBe(4);
    const report = JSON.parse(result.stdout) as Report;
    expect(statusOf(report, 'factory')).toBe('fail');
    expect(statusOf(report, 'schematic')).toBe('pass');
    expect(statusOf(report, 'artifacts-dir')).toBe('pass');
    expect(statusOf(report, 'disk')).toBe('skip');
  });

  it('exits 6 when the artifacts directory cannot be created', async () => {
    repo = await makeRepo();
    await writeFile(repo.path('artifacts'), 'a file where the directory should be\n');
    const result = await runCli(preflightArgs(), { cwd: repo.root });
    expect(result.code).toBe(6);
    expect(result.stdout).toMatch(/^FAIL artifacts directory writable/m);
    expect(result.stdout).toContain('is a file, not a directory');
  });

  it('never submits a schematic that looks like it holds secrets', async () => {
    repo = await makeRepo();
    await writeFile(
      repo.path(SCHEMATIC_PATH),
      'customization:\n  extraKernelArgs:\n    - talos.config=https://user:hunter2pass@config.example.com/machine.yaml\n',
    );
    const from = standin.requests.length;
    const result = await runCli(preflightArgs(), { cwd: repo.root });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^FAIL no secret-looking values/m);
    expect(result.stdout).not.toContain('hunter2pass');
    expect(standin.requests.slice(from).filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('with --json, a refusal before any check is the same error object every command gives', async () => {
    repo = await makeRepo();
    const result = await runCli(
      [...preflightArgs('--registry', 'someone:hunter2@example.com'), '--json'],
      {
        cwd: repo.root,
      },
    );
    expect(result.code).toBe(2);
    const last = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as unknown;
    expect(last).toMatchObject({
      event: 'error',
      ok: false,
      exitCode: 2,
      error: { kind: 'input' },
    });
    expect(result.stdout + result.stderr).not.toContain('hunter2');
  });
});
