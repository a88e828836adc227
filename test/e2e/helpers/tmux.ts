// Drives the built CLI in a real terminal: tmux on a private socket, a small script that records
// the exit code, and bounded polling of what the pane shows (no fixed sleeps).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pollUntilAsync } from '../../components/helpers.js';

const run = promisify(execFile);
/** Each look at the pane starts a tmux client: poll gently on a two-core machine. */
const TMUX_POLL_MS = 50;
export const CLI = new URL('../../../dist/cli.js', import.meta.url).pathname;

export interface TmuxPane {
  /** The visible screen as text; with `escapes`, including colour codes. */
  capture(escapes?: boolean): Promise<string>;
  waitForText(text: string, timeoutMs?: number): Promise<string>;
  /** Sends literal text (each character a key press). */
  type(text: string): Promise<void>;
  /** Sends named keys: Enter, Escape, Space, C-c, Tab… */
  keys(...names: string[]): Promise<void>;
  /** The CLI's exit code, once it has exited. */
  exitCode(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export interface TmuxOptions {
  readonly args: readonly string[];
  readonly width: number;
  readonly height: number;
  readonly env: Record<string, string | undefined>;
}

export async function startInTmux(options: TmuxOptions): Promise<TmuxPane> {
  const dir = await mkdtemp(join(tmpdir(), 'wizard-tmux-'));
  const socket = `wizard-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const exitFile = join(dir, 'exit-code');
  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  const envLines = Object.entries(options.env).map(([name, value]) =>
    value === undefined ? `unset ${name}` : `export ${name}=${quote(value)}`,
  );
  const script = [
    ...envLines,
    `${quote(process.execPath)} ${quote(CLI)} ${options.args.map(quote).join(' ')}`,
    `echo $? > ${quote(exitFile)}`,
    // Keep the pane open so the final screen can still be read.
    'sleep 600',
  ].join('\n');
  await writeFile(join(dir, 'run.sh'), `${script}\n`);
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, ...args]);
  await tmux(
    'new-session',
    '-d',
    '-s',
    'wizard',
    '-x',
    String(options.width),
    '-y',
    String(options.height),
    `sh ${quote(join(dir, 'run.sh'))}`,
  );
  const capture = async (escapes = false): Promise<string> =>
    (await tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'wizard')).stdout;
  let last = '';
  return {
    capture,
    waitForText: (text, timeoutMs = 15_000) =>
      pollUntilAsync(
        async () => {
          last = await capture();
          return last.includes(text) ? last : undefined;
        },
        () => `"${text}" on the tmux screen; it shows:\n${last}`,
        timeoutMs,
        TMUX_POLL_MS,
      ),
    type: async (text) => {
      await tmux('send-keys', '-t', 'wizard', '-l', text);
    },
    keys: async (...names) => {
      await tmux('send-keys', '-t', 'wizard', ...names);
    },
    exitCode: (timeoutMs = 15_000) =>
      pollUntilAsync(
        async () => {
          const text = await readFile(exitFile, 'utf8').catch(() => '');
          return text.trim() === '' ? undefined : Number(text.trim());
        },
        'the CLI to exit',
        timeoutMs,
        TMUX_POLL_MS,
      ),
    close: async () => {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
