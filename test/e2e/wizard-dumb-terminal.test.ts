// A terminal that says TERM=dumb cannot move the cursor: the wizard is never drawn there; the tool
// says how to run without screens and exits 2, as it does without a terminal at all.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeTempRoots, tempRoot } from '../components/fixtures.js';
import { CLI, startInTmux } from '../components/tmux.js';
import type { TmuxPane } from '../components/tmux.js';

afterAll(removeTempRoots);

let pane: TmuxPane | undefined;

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
});
afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

describe('the wizard on TERM=dumb', () => {
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
