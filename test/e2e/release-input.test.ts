// Bad input never reaches the factory's build and never touches the repository: each case ends
// with exit 2, a message that says what and where, and the files exactly as they were.
import { mkdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { releaseArgs, requestsSince } from './helpers/release.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const { standin, makeRepo } = useStandinAndRepos({ imageSize: 4096 });
let repo: TempRepo;

async function expectRefused(args: string[], messages: (string | RegExp)[]): Promise<string> {
  const before = await repo.snapshot();
  const result = await runCli(args, { cwd: repo.root });
  expect(result.code).toBe(2);
  for (const message of messages) {
    if (typeof message === 'string') expect(result.stderr).toContain(message);
    else expect(result.stderr).toMatch(message);
  }
  expect(await repo.snapshot()).toEqual(before);
  return result.stderr;
}

describe('bad input to a release', () => {
  it('without a terminal and without --yes, says to pass --yes instead of crashing in raw mode', async () => {
    repo = await makeRepo();
    const stderr = await expectRefused(
      ['--talos-version', 'v1.12.4', '--factory-url', standin.url],
      ['--yes'],
    );
    expect(stderr).not.toContain('Raw mode');
  });

  it('with --yes but no --talos-version, names the flag', async () => {
    repo = await makeRepo();
    await expectRefused(
      ['--yes', '--app-version', '1.0.0', '--factory-url', standin.url],
      ['--talos-version'],
    );
  });

  it('on a first release without --app-version, names the flag', async () => {
    repo = await makeRepo();
    await expectRefused(
      ['--yes', '--talos-version', 'v1.12.4', '--factory-url', standin.url],
      ['--app-version'],
    );
  });

  it('rejects an unknown flag, naming it', async () => {
    repo = await makeRepo();
    await expectRefused([...releaseArgs(standin), '--no-such-flag'], ['--no-such-flag']);
  });

  it('rejects a release version that would climb out of releases/', async () => {
    repo = await makeRepo();
    await expectRefused(releaseArgs(standin, '--release-version', '../../x'), [
      'invalid release version: "../../x"',
    ]);
  });

  it('rejects a channel name that is not a plain name', async () => {
    repo = await makeRepo();
    await expectRefused(releaseArgs(standin, '--channel', '../x'), [
      'invalid channel name: "../x"',
    ]);
  });

  it('names a Talos version the factory does not offer', async () => {
    repo = await makeRepo();
    await expectRefused(releaseArgs(standin, '--talos-version', '9.9'), ['9.9']);
  });

  it('refuses a Kubernetes version outside what the Talos version supports', async () => {
    repo = await makeRepo();
    await expectRefused(releaseArgs(standin, '--kubernetes-version', '1.20.0'), ['1.20.0']);
  });

  it('names a channel file that is not valid', async () => {
    repo = await makeRepo();
    await mkdir(repo.path('releases/channels'), { recursive: true });
    await writeFile(repo.path('releases/channels/stable.json'), '{"channel": "stable"}\n');
    await expectRefused(releaseArgs(standin), ['releases/channels/stable.json', 'current']);
  });

  it('points at the line and column of a bad schematic', async () => {
    repo = await makeRepo();
    await writeFile(
      repo.path('broken.yaml'),
      'customization:\n  extraKernelArgs:\n    - quiet\n  sytemExtensions: {}\n',
    );
    await expectRefused(releaseArgs(standin, '--schematic', 'broken.yaml'), [
      'broken.yaml:4:3',
      'sytemExtensions',
      'systemExtensions',
    ]);
  });

  it('refuses an extension the chosen Talos version does not have, with the closest name', async () => {
    repo = await makeRepo();
    const from = standin.requests.length;
    await expectRefused(
      releaseArgs(
        standin,
        '--talos-version',
        'v1.10.9',
        '--extensions',
        'siderolabs/nfs-utils,siderolabs/iscsi-tool',
      ),
      [
        'siderolabs/nfs-utils: is not available for Talos v1.10.9',
        'siderolabs/iscsi-tool: is not available for Talos v1.10.9',
        'did you mean siderolabs/iscsi-tools?',
      ],
    );
    // Checked against the catalogue before anything was submitted or built.
    expect(requestsSince(standin, from).filter((line) => !line.startsWith('GET '))).toEqual([]);
  });
});
