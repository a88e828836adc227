// Every flag a release records is checked before anything is sent: a value the manifest would
// refuse, a registry that is not host[:port], credentials where none belong. Each ends with
// exit 2 naming the flag, no request to the factory, and the repository as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandin } from '../../src/standin/server.js';
import type { RunningStandin } from '../../src/standin/types.js';
import { runCli } from './helpers/cli.js';
import { releaseArgs, requestsSince } from './helpers/release.js';
import { makeRepo } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';

let standin: RunningStandin;
let repo: TempRepo;

beforeAll(async () => {
  standin = await startStandin({ imageSize: 4096 });
});
afterAll(() => standin.close());
afterEach(() => repo?.remove());

async function refusedUpFront(extra: string[], flag: string): Promise<string> {
  repo = await makeRepo();
  const before = await repo.snapshot();
  const from = standin.requests.length;
  const result = await runCli(releaseArgs(standin, ...extra), { cwd: repo.root });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(flag);
  expect(result.stderr).not.toContain('    at ');
  expect(requestsSince(standin, from)).toEqual([]);
  expect(await repo.snapshot()).toEqual(before);
  return result.stderr;
}

describe('flags checked before anything is sent', () => {
  it('a registry port out of range', async () => {
    await refusedUpFront(['--registry', '127.0.0.1:99999'], '--registry');
  });

  it('a registry with user:password@, without repeating the password', async () => {
    const stderr = await refusedUpFront(
      ['--registry', 'robot:s3cr3t-token@registry.example.com'],
      '--registry',
    );
    expect(stderr).not.toContain('s3cr3t-token');
  });

  it('a registry that is not a host', async () => {
    await refusedUpFront(['--registry', '-'], '--registry');
    await repo.remove();
    await refusedUpFront(['--registry', 'https://registry.example.com/v2'], '--registry');
  });

  it('a factory URL with user:password@, without repeating the password', async () => {
    const url = new URL(standin.url);
    url.username = 'robot';
    url.password = 's3cr3t-token';
    repo = await makeRepo();
    const result = await runCli(
      ['--yes', '--talos-version', 'v1.12.4', '--app-version', '2.3.0', '--factory-url', url.href],
      { cwd: repo.root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--factory-url');
    expect(result.stderr).not.toContain('s3cr3t-token');
  });

  it('a release version or channel longer than the manifest allows', async () => {
    const long = '1.0.0-' + 'a'.repeat(300);
    const stderr = await refusedUpFront(['--release-version', long], '--release-version');
    expect(stderr).not.toContain('broken');
    expect(stderr).not.toContain('a'.repeat(100));
    await repo.remove();
    await refusedUpFront(['--channel', 'c'.repeat(300)], '--channel');
  });

  it('an app version with a newline, or of 10,000 characters', async () => {
    await refusedUpFront(['--app-version', '2.3.0\ninjected: true'], '--app-version');
    await repo.remove();
    await refusedUpFront(['--app-version', '9'.repeat(10_000)], '--app-version');
  });

  it('a values profile that is a path', async () => {
    await refusedUpFront(['--values-profile', '../../etc'], '--values-profile');
  });

  it('empty names in --extensions', async () => {
    await refusedUpFront(['--extensions', ',,,'], '--extensions');
  });
});
