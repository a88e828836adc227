// keygen at a real terminal (tmux): the password is asked twice and never shown on screen, and
// the key it encrypts unlocks with exactly that password.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSecretKey } from '../../src/core/signing/index.js';
import { startInTmux } from './helpers/tmux.js';
import type { TmuxPane } from './helpers/tmux.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const PASSWORD = 'typed-at-the-terminal';

describe.skipIf(!HAS_TMUX)('talos-release keygen in a terminal (needs tmux)', () => {
  let dir: string;
  let pane: TmuxPane | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keygen-tty-'));
  });
  afterEach(async () => {
    await pane?.close();
    pane = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const start = async () =>
    (pane = await startInTmux({
      args: ['keygen', '--out', dir],
      width: 100,
      height: 20,
      env: { TALOS_RELEASE_SIGN_PASSWORD: undefined, NO_COLOR: '1' },
    }));

  it('asks twice without echoing, and the key unlocks with that password', async () => {
    const tty = await start();
    await tty.waitForText('Password for the new key:');
    await tty.type(PASSWORD);
    await tty.keys('Enter');
    await tty.waitForText('Password (again):');
    await tty.type(PASSWORD);
    await tty.keys('Enter');
    expect(await tty.exitCode(60_000)).toBe(0);
    const screen = await tty.capture();
    expect(screen).toMatch(/Key id: +[0-9A-F]{1,16}\n/);
    expect(screen).not.toContain(PASSWORD);
    const text = await readFile(join(dir, 'talos-release.key'), 'utf8');
    await expect(parseSecretKey(text, PASSWORD)).resolves.toBeDefined();
  }, 90_000);

  it('two different passwords: exit 2, and no key is written', async () => {
    const tty = await start();
    await tty.waitForText('Password for the new key:');
    await tty.type('first');
    await tty.keys('Enter');
    await tty.waitForText('Password (again):');
    await tty.type('second');
    await tty.keys('Enter');
    expect(await tty.exitCode()).toBe(2);
    expect(await tty.capture()).toContain('the two passwords differ');
    await expect(readFile(join(dir, 'talos-release.key'))).rejects.toThrow();
  });
});
