// A private tmux server (its own socket), so the wizard runs in a real terminal without touching
// anyone else's sessions, and closing it ends only what the benchmark started.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const TMUX = '/usr/bin/tmux';

/**
 * Between two looks at a pane. Every look spawns tmux, and a tight loop of them would take CPU
 * from the wizard being measured on a 2-core machine; 10 ms bounds the timing error instead.
 */
export const POLL_INTERVAL_MS = 10;

export const pollPause = () => new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));

/** Quotes one word for the shell command line that tmux runs in a new pane. @param {string} text */
export const quote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

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
    /**
     * Types text, or a key name such as Enter, into the session.
     * @param {string} name
     * @param {string} keys
     */
    send: (name, keys) => tmux(['send-keys', '-t', name, keys]),
    /** @param {string} name */
    isOpen: (name) =>
      tmux(['has-session', '-t', name]).then(
        () => true,
        () => false,
      ),
    /** @param {string} name */
    close: (name) => tmux(['kill-session', '-t', name]).catch(() => ''),
    stop: async () => {
      await tmux(['kill-server']).catch(() => '');
      await rm(socket, { force: true });
    },
  };
}
