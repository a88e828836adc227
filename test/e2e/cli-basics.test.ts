import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;

describe('talos-release --help and --version', () => {
  it('prints the commands, the flags and the exit codes', async () => {
    const { stdout } = await run(process.execPath, [cli, '--help']);
    expect(stdout).toContain('talos-release verify <manifest>');
    expect(stdout).toContain('--talos-version');
    expect(stdout).toContain('130 cancelled');
  });

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const { stdout } = await run(process.execPath, [cli, '--version']);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('rejects an unknown command with exit code 2 and a hint', async () => {
    const failure = await run(process.execPath, [cli, 'frobnicate']).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('unknown command: frobnicate');
    expect((failure as { stderr: string }).stderr).toContain('--help');
  });

  it('names a mistyped flag and the flag that was meant', async () => {
    const failure = await run(process.execPath, [cli, '--yes', '--talos-verson', 'latest']).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      'unknown flag --talos-verson (did you mean --talos-version?)',
    );
  });
});
