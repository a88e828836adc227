// `verify` on a release just cut against the stand-in: every check agrees, in text and --json,
// and a manifest that is not a manifest is bad input (exit 2), not a verification failure.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { HAS_SCRIPT, runCli, runCliInTerminal } from './helpers/cli.js';
import { RELEASED_MANIFEST, useReleasedRepo } from './helpers/released-repo.js';

const release = useReleasedRepo({ imageSize: 32 * 1024 + 3 });

describe('talos-release verify', () => {
  it('passes a release that agrees with itself, one line per check', async () => {
    const repo = await release.copy();
    const result = await release.verify(repo);
    expect(result.code).toBe(0);
    const checks = result.stdout.split('\n').filter((line) => /^(ok|FAIL|skip)\s/.test(line));
    expect(checks.length).toBeGreaterThanOrEqual(6);
    expect(checks.every((line) => line.startsWith('ok'))).toBe(true);
    expect(result.stdout).toContain(release.manifest().os.iso.sha256);
  });

  it('reports --json as a list of checks', async () => {
    const repo = await release.copy();
    const result = await release.verify(repo, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      checks: { id: string; status: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.status)).not.toContain('fail');
    expect(report.checks.map((check) => check.id)).toEqual(
      expect.arrayContaining(['iso-sha256', 'iso-size', 'schematic-file', 'iso-url']),
    );
  });

  it('finds the repository from the manifest path when run elsewhere', async () => {
    const repo = await release.copy();
    const result = await runCli(['verify', repo.path(RELEASED_MANIFEST)], {
      cwd: release.original().path('releases'),
    });
    expect(result.code).toBe(0);
  });

  it('takes the manifest relative to --root when run from elsewhere', async () => {
    const repo = await release.copy();
    const result = await runCli(['verify', RELEASED_MANIFEST, '--root', repo.root], {
      cwd: release.original().path('schematics'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(repo.path(RELEASED_MANIFEST));
  });

  it('exits 2 for a manifest that is not a valid manifest, naming the field', async () => {
    const repo = await release.copy();
    await release.editManifest(repo, (value) => {
      value.releaseVersion = '../../x';
    });
    const result = await release.verify(repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('releaseVersion');
  });

  it('exits 2 for a file that is not JSON or not there', async () => {
    const repo = await release.copy();
    await writeFile(repo.path(RELEASED_MANIFEST), '{"releaseVersion": ');
    const broken = await release.verify(repo);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not valid JSON');
    const missing = await runCli(['verify', 'releases/9.9.9.json'], { cwd: repo.root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('releases/9.9.9.json');
  });

  it('with --json, reports an unreadable manifest on stdout as well', async () => {
    const repo = await release.copy();
    await writeFile(repo.path(RELEASED_MANIFEST), '[]');
    const result = await release.verify(repo, '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { kind: 'input' },
    });
  });

  it.skipIf(!HAS_SCRIPT)(
    'draws ✔ in a terminal, and plain marks when NO_COLOR asks for them',
    async () => {
      const repo = await release.copy();
      const args = ['verify', RELEASED_MANIFEST];
      const terminal = await runCliInTerminal(args, {
        cwd: repo.root,
        env: { NO_COLOR: undefined },
      });
      expect(terminal.code).toBe(0);
      expect(terminal.stdout).toMatch(/^✔ .*os\.iso\.sha256/m);
      const plain = await runCliInTerminal(args, { cwd: repo.root, env: { NO_COLOR: '1' } });
      expect(plain.stdout).toMatch(/^ok +.*os\.iso\.sha256/m);
      expect(plain.stdout).not.toContain('✔');
    },
  );
});
