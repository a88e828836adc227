// A private tmux server (its own socket), so the wizard runs in a real terminal without touching
// anyone else's sessions, and closing it ends only what the benchmark started.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const TMUX = '/usr/bin/tmux';

export function privateTmux() {
  // An explicit socket path, because tmux leaves its socket file behind when the server is killed.
  const socket = join(tmpdir(), `talos-release-bench-tmux-${process.pid}`);
  /** @param {readonly string[]} args */
  const tmux = async (args) => (await run(TMUX, ['-S', socket, ...args])).stdout;
  return {
    /** Starts the server with an idle session, so no timed session pays for the server start. */
    start: () => tmux(['new-session', '-d', '-s', 'keeper', '-x', '120', '-y', '40']),
    /**
     * @param {string} name
     * @param {string} command  a shell command line
     */
    open: (name, command) =>
      tmux(['new-session', '-d', '-s', name, '-x', '120', '-y', '40', command]),
    /** @param {string} name */
    screen: (name) => tmux(['capture-pane', '-p', '-t', name]),
    /** @param {string} name */
    close: (name) => tmux(['kill-session', '-t', name]).catch(() => ''),
    stop: async () => {
      await tmux(['kill-server']).catch(() => '');
      await rm(socket, { force: true });
    },
  };
}
