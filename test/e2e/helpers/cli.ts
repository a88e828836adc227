// Spawns the built CLI (dist/cli.js) the way an operator or a CI job runs it: no terminal, its
// own environment, and a working directory of its own. Waiting is by polling output or awaiting
// the exit, never by sleeping.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_PATH = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RunningCli {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr (or stdout) contains `text`; rejects if the process exits first. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  readonly done: Promise<CliResult>;
}

/** The environment a CI job would have, minus anything from this machine that could leak in. */
export function cliEnv(extra: CliOptions['env'] = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(https?_proxy|all_proxy|no_proxy|talos_factory_url|force_color)$/i.test(name)) {
      delete env[name];
    }
  }
  env['NO_COLOR'] = '1';
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function startCli(args: readonly string[], options: CliOptions): RunningCli {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: options.cwd,
    env: cliEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    changed();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    changed();
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      changed();
      resolve({ code, signal, stdout, stderr });
    });
  });
  const found = (text: string | RegExp): boolean => {
    const all = `${stdout}\n${stderr}`;
    return typeof text === 'string' ? all.includes(text) : text.test(all);
  };
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    done,
    waitForOutput(text, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${String(text)}; stderr so far:\n${stderr}`));
        }, timeoutMs);
        const check = (): void => {
          if (found(text)) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(
              new Error(`the CLI exited before printing ${String(text)}:\n${stdout}\n${stderr}`),
            );
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}

export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Whether util-linux `script` is installed, to give the CLI a pseudo-terminal. */
export const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

/** Quotes one argument for `sh -c`. */
function shellQuote(text: string): string {
  return `'${text.split("'").join(`'\\''`)}'`;
}

/**
 * Runs the CLI with a pseudo-terminal as stdin and stdout, through util-linux `script`, the way
 * an operator at a terminal runs it. Its output arrives with CRLF line ends, as a terminal's does.
 */
export function runCliInTerminal(args: readonly string[], options: CliOptions): Promise<CliResult> {
  const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: options.cwd,
      env: cliEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
