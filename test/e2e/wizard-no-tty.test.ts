// Without a terminal the wizard is never mounted: the tool says which flags to pass and exits 2.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './helpers/tmux.js';
import { removeTempRoots, tempRoot } from './helpers/wizard-fixtures.js';

afterAll(removeTempRoots);

const run = promisify(execFile);

async function failure(
  args: readonly string[],
): Promise<{ code: number; stderr: string; stdout: string }> {
  const result = await run(process.execPath, [CLI, ...args]).then(
    () => ({ code: 0, stderr: '', stdout: '' }),
    (error: { code: number; stderr: string; stdout: string }) => error,
  );
  return { code: result.code, stderr: result.stderr, stdout: result.stdout };
}

describe('talos-release without a terminal', () => {
  it('asks for --yes and the missing flags, exits 2 and writes nothing', async () => {
    const root = await tempRoot();
    const { code, stderr } = await failure(['--root', root, '--factory-url', 'http://127.0.0.1:9']);
    expect(code).toBe(2);
    expect(stderr).toContain('no terminal to run the wizard in');
    expect(stderr).toContain('--yes');
    expect(stderr).toContain('--talos-version');
    expect(stderr).not.toContain('Raw mode');
    expect(await readdir(root)).toEqual(['schematics']);
  });

  it('does not ask again for a flag that was given', async () => {
    const root = await tempRoot();
    const { code, stderr } = await failure(['--root', root, '--talos-version', '1.12']);
    expect(code).toBe(2);
    expect(stderr).toContain('--yes');
    expect(stderr).not.toContain('--talos-version <');
  });
});
