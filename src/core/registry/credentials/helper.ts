// Runs a Docker credential helper (`docker-credential-<name> get`) the way Docker does: the server
// address on stdin, one JSON object on stdout (docs/distribution-protocol.md §2).
// The helper's stdout holds a secret, so it is parsed and dropped, never quoted in an error.
import { spawn } from 'node:child_process';
import { CancelledError, errnoCode, UserInputError } from '../../errors.js';
import type { RegistryCredential } from './types.js';

export const HELPER_TIMEOUT_MS = 10_000;
/** A helper answer is a few hundred bytes; stop listening well before anything silly. */
const MAX_OUTPUT_BYTES = 64 * 1024;
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface HelperRequest {
  readonly name: string;
  readonly serverAddress: string;
  /** For messages: the config file that named this helper. */
  readonly configPath: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

interface HelperOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function helperFailure(request: HelperRequest, problem: string): UserInputError {
  return new UserInputError(
    `the Docker credential helper docker-credential-${request.name} (named in ${request.configPath}) ${problem}`,
    {
      hint: `Check that docker-credential-${request.name} is installed and on PATH and that \`docker login\` works, or remove it from ${request.configPath}.`,
    },
  );
}

function run(request: HelperRequest, command: string): Promise<HelperOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['get'], {
      env: request.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    const collect =
      (into: Buffer[]) =>
      (chunk: Buffer): void => {
        size += chunk.length;
        if (size <= MAX_OUTPUT_BYTES) into.push(chunk);
        else child.kill('SIGKILL');
      };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, request.timeoutMs ?? HELPER_TIMEOUT_MS);
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = (): void => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    };
    child.once('error', (error) => {
      cleanUp();
      reject(error);
    });
    child.once('close', (code, signal) => {
      cleanUp();
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    });
    // A helper that exits without reading stdin makes the write fail with EPIPE: the exit code
    // is what we judge, so the write error is ignored.
    child.stdin.on('error', () => undefined);
    child.stdin.end(request.serverAddress);
  });
}

/** The credential the helper holds for the server, or undefined when it has none. */
export async function credentialFromHelper(
  request: HelperRequest,
): Promise<RegistryCredential | undefined> {
  if (!HELPER_NAME.test(request.name)) {
    throw helperFailure(request, 'has a name that is not a plain program name');
  }
  let outcome: HelperOutcome;
  try {
    outcome = await run(request, `docker-credential-${request.name}`);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT')
      throw helperFailure(request, 'is not installed (not on PATH)');
    throw helperFailure(request, `could not be started (${errnoCode(error) ?? 'unknown error'})`);
  }
  if (request.signal?.aborted)
    throw new CancelledError('cancelled', { cause: request.signal.reason });
  if (outcome.timedOut) {
    throw helperFailure(
      request,
      `did not answer within ${Math.round((request.timeoutMs ?? HELPER_TIMEOUT_MS) / 1000)} s`,
    );
  }
  if (outcome.code !== 0) {
    // Helpers say "credentials not found in native keychain" (on stdout) when they hold nothing.
    if (/credentials not found/i.test(`${outcome.stdout}\n${outcome.stderr}`)) return undefined;
    const said = outcome.stderr.trim().split('\n')[0]?.slice(0, 200);
    throw helperFailure(
      request,
      `failed (${outcome.signal ? `killed by ${outcome.signal}` : `exit code ${String(outcome.code)}`})${said ? `: ${said}` : ''}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(outcome.stdout);
  } catch {
    parsed = undefined;
  }
  const answer = parsed as { Username?: unknown; Secret?: unknown } | undefined;
  if (
    typeof answer !== 'object' ||
    answer === null ||
    typeof answer.Username !== 'string' ||
    typeof answer.Secret !== 'string'
  ) {
    throw helperFailure(request, 'answered something that is not {"Username","Secret"} JSON');
  }
  if (answer.Secret === '') return undefined;
  if (answer.Username === '<token>') return { kind: 'identity-token', token: answer.Secret };
  return { kind: 'basic', username: answer.Username, password: answer.Secret };
}
