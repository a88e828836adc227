// A private tmux server (its own socket), so the wizard runs in a real terminal without touching
// anyone else's sessions, and closing it ends only what the benchmark started.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const TMUX = '/usr/bin/tmux';

export function privateTmux() {
  const socket = `talos-release-bench-${process.pid}`;
  /** @param {readonly string[]} args */
  const tmux = async (args) => (await run(TMUX, ['-L', socket, ...args])).stdout;
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
    stop: () => tmux(['kill-server']).catch(() => ''),
  };
}
