// Spawns a command and measures its wall time from the parent: spawn to exit, the way a person
// with a stopwatch (or a CI log) sees it, including the process's own start-up.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** No single measured command takes minutes; one that does is hung, not slow. */
export const COMMAND_TIMEOUT_MS = 5 * 60_000;

/**
 * @typedef {object} TimedRun
 * @property {number} ms
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {Promise<TimedRun>}
 */
export function runTimed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? COMMAND_TIMEOUT_MS,
    });
    /** @type {Buffer[]} */
    const out = [];
    /** @type {Buffer[]} */
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolve({
        ms: performance.now() - started,
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/**
 * Like runTimed, but a non-zero exit is a broken benchmark, not a figure.
 * @param {string} what  names the run in the error
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 */
export async function runTimedOk(what, command, args, options) {
  const run = await runTimed(command, args, options);
  if (run.code !== 0) {
    const tail = run.stderr.trim().split('\n').slice(-5).join('\n');
    const ending = run.signal
      ? `was stopped by ${run.signal} (hung past ${COMMAND_TIMEOUT_MS / 1000} s, or killed)`
      : `exited with ${run.code}`;
    throw new Error(`${what} ${ending}:\n${tail}\n(command: ${command} ${args.join(' ')})`);
  }
  return run;
}
