// The wizard's Targets step in a real 80×24 terminal: three targets picked by key, saved to
// talos-release.yaml, downloaded one row each, and released as one manifest with three artifacts.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';
import { CLI, startInTmux } from './helpers/tmux.js';
import type { TmuxPane } from './helpers/tmux.js';
import { removeTempRoots, tempRoot } from './helpers/wizard-fixtures.js';

afterAll(removeTempRoots);

const { startStandin } = useStandinAndRepos();
let pane: TmuxPane | undefined;

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
});
afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

const PICKED = ['metal-amd64.iso', 'nocloud-amd64.iso', 'metal-arm64.iso'];

function fitsTheTerminal(screen: string): void {
  expect(screen.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
  for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
}

describe('the Targets step at 80×24', () => {
  it('picks three targets, saves them, and releases all three', async () => {
    const standin = await startStandin({ imageSize: 64 * 1024 });
    const root = await tempRoot();
    pane = await startInTmux({
      args: ['--root', root, '--factory-url', standin.url],
      width: 80,
      height: 24,
      env: {},
    });
    await pane.waitForText('recommended');
    await pane.type('1.12');
    await pane.waitForText('1.12▏');
    await pane.keys('Enter');
    await pane.waitForText('5 selected');
    await pane.keys('Enter');
    const opened = await pane.waitForText('3/7 Targets for Talos v1.12.');
    fitsTheTerminal(opened);
    // With no file and no flag, today's one ISO is picked and primary.
    expect(opened).toContain('1 picked');
    expect(opened).toMatch(/› \[x\] metal-amd64\.iso\s+★ primary/);
    expect(opened).toContain('s save');
    await pane.keys('Down', 'Space');
    await pane.waitForText('2 picked');
    await pane.keys('Down', 'Down', 'Space');
    const three = await pane.waitForText('3 picked');
    expect(three).toMatch(/\[x\] nocloud-amd64\.iso/);
    expect(three).toMatch(/› \[x\] metal-arm64\.iso/);
    await pane.type('s');
    await pane.waitForText('Saved 3 targets to talos-release.yaml');
    await pane.keys('Enter');
    await pane.waitForText('4/7 Release details');
    await pane.type('3.1.4');
    await pane.waitForText('All fields are valid');
    await pane.keys('Enter');
    const preview = await pane.waitForText('Schematic ID');
    for (const name of PICKED) expect(preview.replace(/\n\s*/g, '')).toContain(`/${name}`);
    await pane.keys('Enter');
    const confirm = await pane.waitForText('Write the release?');
    fitsTheTerminal(confirm);
    for (const name of PICKED) expect(confirm).toContain(name);
    expect(confirm).toContain('metal installer');
    await pane.keys('Enter');
    const done = await pane.waitForText('talosctl upgrade --nodes <node> --image');
    for (const name of ['metal-amd64', 'nocloud-amd64', 'metal-arm64'])
      expect(done).toMatch(
        new RegExp(
          `artifacts/talos-v1\\.12\\.\\d+-${name}-[0-9a-f]{12}\\.iso\\n\\s+sha256 [0-9a-f]{64}`,
        ),
      );
    expect(await pane.exitCode()).toBe(0);

    const manifest = JSON.parse(await readFile(join(root, 'releases/0.1.0.json'), 'utf8')) as {
      artifacts: { name: string; localPath: string; sha256: string }[];
      installers: { platform: string; architectures: unknown[] }[];
    };
    expect(manifest.artifacts.map((a) => a.name)).toEqual(PICKED);
    for (const artifact of manifest.artifacts) {
      const bytes = await readFile(join(root, artifact.localPath));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(artifact.sha256);
    }
    expect(manifest.installers[0]?.platform).toBe('metal');
    expect(await readFile(join(root, 'talos-release.yaml'), 'utf8')).toContain(
      'targets:\n  - metal-amd64.iso\n  - nocloud-amd64.iso\n  - metal-arm64.iso\n',
    );
  });
});
