// A schematic is readable by anyone who knows its ID on the community factory, so values that
// look like credentials are refused before anything is submitted, unless the operator says so.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { releaseArgs, requestsSince } from './helpers/release.js';
import { SCHEMATIC_PATH } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const { standin, makeRepo } = useStandinAndRepos({ imageSize: 4096 });
let repo: TempRepo;

describe('secrets in the schematic', () => {
  const secret = 'S3cr3tJ0inT0kenValue';
  it.each([
    [
      'kernel arguments',
      'extraKernelArgs',
      `  extraKernelArgs:\n    - siderolink.api=https://omni.example.com:8090/?jointoken=${secret}\n`,
    ],
    ['META values', 'meta', `  meta:\n    - key: 12\n      value: 'password=${secret}'\n`],
    [
      'an embedded machine configuration',
      'embeddedMachineConfiguration',
      `  embeddedMachineConfiguration: |\n    apiVersion: v1alpha1\n    kind: Example\n    token: ${secret}\n`,
    ],
  ])('refuses secret-looking %s without printing them', async (_what, field, yaml) => {
    repo = await makeRepo();
    await writeFile(repo.path(SCHEMATIC_PATH), `customization:\n${yaml}`);
    const from = standin.requests.length;
    const before = await repo.snapshot();
    const result = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(field);
    expect(result.stderr).toContain('--allow-public-secrets');
    expect(await repo.snapshot()).toEqual(before);
    expect(result.stderr).not.toContain(secret);
    // The schematic would be public by its ID: it must never have been submitted.
    expect(requestsSince(standin, from)).not.toContainEqual(expect.stringMatching(/^POST /));
  });

  it('releases a secret-looking schematic when told it is not secret (--allow-public-secrets)', async () => {
    repo = await makeRepo();
    await writeFile(
      repo.path(SCHEMATIC_PATH),
      'customization:\n  extraKernelArgs:\n    - siderolink.api=https://omni.example.com:8090/?jointoken=not-really-secret\n',
    );
    const result = await runCli(releaseArgs(standin, '--allow-public-secrets'), { cwd: repo.root });
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(await repo.files()).toContain('releases/0.1.0.json');
  });
});
