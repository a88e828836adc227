// Where a signing password comes from: TALOS_RELEASE_SIGN_PASSWORD (CI), else the terminal.
// Without either the run stops before anything is downloaded, saying how to provide it.
import { UserInputError } from '../core/errors.js';
import { loadSigningKey } from '../core/signing/index.js';
import type { SecretKey } from '../core/signing/index.js';
import { askHidden } from './hidden-prompt.js';
import type { CommandIo } from './io.js';

export const PASSWORD_ENV = 'TALOS_RELEASE_SIGN_PASSWORD';

/** Asks once (`confirm`: twice, for a new key) unless the variable is set. */
export async function signingPassword(
  io: CommandIo,
  prompt: string,
  confirm = false,
): Promise<string> {
  const fromEnv = io.env[PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  if (!io.stdinIsTty || !io.stdin) {
    throw new UserInputError('a signing password is needed and there is no terminal to ask on', {
      hint: `Set ${PASSWORD_ENV} (e.g. from your CI's secret store), or run in a terminal.`,
    });
  }
  const first = await askHidden(io.stdin, io.stderr, prompt);
  if (!confirm) return first;
  const again = await askHidden(io.stdin, io.stderr, 'Password (again): ');
  if (again !== first) {
    throw new UserInputError('the two passwords differ', {
      hint: 'Run again and type the same password twice.',
    });
  }
  return first;
}

/** The release's signing key, unlocked, or undefined when the release is not signed. */
export async function unlockSigningKey(
  path: string | undefined,
  io: CommandIo,
): Promise<SecretKey | undefined> {
  if (path === undefined) return undefined;
  return loadSigningKey(path, (file) => signingPassword(io, `Password for ${file}: `));
}
