// The built CLI in a real terminal (tmux, 80×24): what a person sees, key by key, from the first
// screen to the written release (one ISO, or three targets picked on the Targets step), and what
// NO_COLOR changes.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStandin } from '../../src/standin/types.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';
import { CLI, startInTmux } from './helpers/tmux.js';
import type { TmuxPane } from './helpers/tmux.js';
import {
  finishOnDone,
  removeTempRoots,
  skipPublishing,
  tempRoot,
} from './helpers/wizard-fixtures.js';

afterAll(removeTempRoots);

const { startStandin } = useStandinAndRepos();
let standin: RunningStandin | undefined;
let pane: TmuxPane | undefined;

/** The wizard in a real terminal of 80×24, the size an operator's smallest window has. */
function wizardAt80x24(
  root: string,
  factoryUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<TmuxPane> {
  return startInTmux({
    args: ['--root', root, '--factory-url', factoryUrl],
    width: 80,
    height: 24,
    env,
  });
}

function url(running: RunningStandin | undefined): string {
  if (!running) throw new Error('start the stand-in first');
  return running.url;
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
});
afterEach(async () => {
  await pane?.close();
  pane = undefined;
  standin = undefined;
});

/** SGR codes that set a foreground colour (30–37, 90–97, 38;…). */
const COLOUR = new RegExp(
  `${String.fromCharCode(27)}\\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m`,
);

describe('the wizard in a real 80×24 terminal', () => {
  it('takes a newcomer from the version list to a written release', async () => {
    standin = await startStandin({ imageSize: 256 * 1024 });
    const root = await tempRoot();
    pane = await wizardAt80x24(root, url(standin), { NO_COLOR: undefined });
    const versions = await pane.waitForText('recommended');
    const lines = versions.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(versions).toContain('1/8 Talos version');
    // The footer is on screen: the whole live region fits the terminal.
    expect(versions).toContain('enter choose');

    await pane.type('1.11');
    await pane.waitForText('1.11▏');
    await pane.keys('Enter');
    await pane.waitForText('Extensions for Talos v1.11.');
    await pane.waitForText('5 selected');
    await pane.type('zfs');
    await pane.waitForText('zfs▏');
    await pane.keys('Space');
    await pane.waitForText('6 selected');
    await pane.keys('Escape');
    await pane.waitForText('type to search names and descriptions');
    await pane.keys('Enter');
    await pane.waitForText('3/8 Targets for Talos v1.11.');
    await pane.keys('Enter');
    await pane.waitForText('4/8 Release details');
    await pane.type('3.1.4');
    await pane.waitForText('All fields are valid');
    await pane.keys('Enter');
    const preview = await pane.waitForText('Schematic ID');
    expect(preview).toContain('will change:');
    await pane.keys('Enter');
    await pane.waitForText('Write the release?');
    await pane.keys('Enter');
    await skipPublishing(pane);
    await finishOnDone(pane);
    const done = await pane.waitForText('talosctl upgrade --nodes <node> --image');
    expect(done).toContain('Release 0.1.0 is current on stable.');
    expect(await pane.exitCode()).toBe(0);
    const manifest = JSON.parse(await readFile(join(root, 'releases/0.1.0.json'), 'utf8'));
    expect(manifest.app.version).toBe('3.1.4');
    expect(manifest.talos.version).toMatch(/^v1\.11\./);
  });

  it('shows the keys with ?, and Ctrl-C leaves with exit code 130', async () => {
    standin = await startStandin({ imageSize: 1024 });
    const root = await tempRoot();
    pane = await wizardAt80x24(root, url(standin), {});
    await pane.waitForText('recommended');
    await pane.type('?');
    const help = await pane.waitForText('Press any key to go back');
    expect(help).toContain('cancel now');
    await pane.keys('Space');
    await pane.waitForText('recommended');
    await pane.keys('C-c');
    await pane.waitForText('Cancelled. Nothing was written.');
    expect(await pane.exitCode()).toBe(130);
  });

  it('uses colour in a colour terminal and none with NO_COLOR', async () => {
    standin = await startStandin({ imageSize: 1024 });
    const root = await tempRoot();
    const screens: string[] = [];
    for (const noColor of [undefined, '1']) {
      pane = await wizardAt80x24(root, url(standin), {
        NO_COLOR: noColor,
        FORCE_COLOR: undefined,
        TERM: 'xterm-256color',
      });
      await pane.waitForText('recommended');
      screens.push(await pane.capture(true));
      await pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
      await pane.close();
    }
    expect(screens[0]).toMatch(COLOUR);
    expect(screens[1]).not.toMatch(COLOUR);
  });
});

const PICKED = ['metal-amd64.iso', 'nocloud-amd64.iso', 'metal-arm64.iso'];

function fitsTheTerminal(screen: string): void {
  expect(screen.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
  for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
}

describe('the Targets step at 80×24', () => {
  it('picks three targets, saves them, and releases all three', async () => {
    standin = await startStandin({ imageSize: 64 * 1024 });
    const root = await tempRoot();
    pane = await wizardAt80x24(root, url(standin), {});
    await pane.waitForText('recommended');
    await pane.type('1.12');
    await pane.waitForText('1.12▏');
    await pane.keys('Enter');
    await pane.waitForText('5 selected');
    await pane.keys('Enter');
    const opened = await pane.waitForText('3/8 Targets for Talos v1.12.');
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
    await pane.waitForText('4/8 Release details');
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
    const publish = await pane.waitForText('8/8 Publish');
    fitsTheTerminal(publish);
    expect(publish).toContain('names no destination (publish.to)');
    await skipPublishing(pane);
    await finishOnDone(pane);
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

describe('the wizard on TERM=dumb', () => {
  // A dumb terminal cannot move the cursor: the wizard is never drawn there; the tool says how to
  // run without screens and exits 2, as it does without a terminal at all.
  it('refuses with the --yes hint, exits 2 and writes nothing', async () => {
    const root = await tempRoot();
    pane = await startInTmux({
      args: ['--root', root, '--factory-url', 'http://127.0.0.1:9'],
      width: 100,
      height: 24,
      env: { TERM: 'dumb' },
    });
    expect(await pane.exitCode()).toBe(2);
    const screen = await pane.capture();
    expect(screen).toContain('TERM=dumb');
    expect(screen).toContain('--yes');
    expect(screen).not.toContain('Talos version');
    expect(await readdir(root)).toEqual(['schematics']);
  });
});
