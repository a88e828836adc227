// What a command needs from the process, injected so commands can run inside tests too.
import type { Writable } from 'node:stream';

export interface CommandIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdinIsTty: boolean;
  readonly stdoutIsTty: boolean;
  /** The terminal to ask a password on; only read when stdinIsTty. */
  readonly stdin?: NodeJS.ReadStream | undefined;
}

export function processIo(): CommandIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdinIsTty: Boolean(process.stdin.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stdin: process.stdin,
  };
}
