// `talos-release keygen [--out <dir>] [--unencrypted] [--force] [--json]`: a signing key pair in
// minisign's formats, talos-release.key (mode 0600) and talos-release.pub. Never overwrites a
// key without --force: a lost secret key cannot sign the next release of the same channel.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserInputError } from '../core/errors.js';
import { writeFileAtomically } from '../core/fs/index.js';
import { generateKeyPair } from '../core/signing/index.js';
import type { CommandIo } from './io.js';
import { parseCommandFlags } from './parse-flags.js';
import { PASSWORD_ENV, signingPassword } from './sign-password.js';

const KEYGEN_OPTIONS = {
  out: { type: 'string' },
  unencrypted: { type: 'boolean' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const SECRET_KEY_FILE = 'talos-release.key';
export const PUBLIC_KEY_FILE = 'talos-release.pub';

export async function runKeygen(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandFlags(
    argv,
    KEYGEN_OPTIONS,
    'Run talos-release keygen [--out <dir>] [--unencrypted] [--force] [--json].',
  );
  if (positionals.length > 0) {
    throw new UserInputError(`keygen takes no arguments, not ${JSON.stringify(positionals[0])}`, {
      hint: 'Choose the folder with --out <dir>.',
    });
  }
  const dir = resolve(io.cwd, values.out ?? '.');
  const secretPath = join(dir, SECRET_KEY_FILE);
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  const existing = [secretPath, publicPath].filter((path) => existsSync(path));
  if (existing.length > 0 && values.force !== true) {
    throw new UserInputError(
      `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}`,
      {
        hint: 'Releases signed with that key need it to be verified: choose another --out, or pass --force to replace it.',
      },
    );
  }
  const encrypted = values.unencrypted !== true;
  const password = encrypted ? await newPassword(io) : undefined;
  const pair = await generateKeyPair({ password });
  await writeFileAtomically(secretPath, pair.secretKeyFile, { mode: 0o600 });
  await writeFileAtomically(publicPath, pair.publicKeyFile, { mode: 0o644 });
  const shown = (path: string): string => relative(io.cwd, path) || path;
  if (values.json === true) {
    io.stdout.write(
      `${JSON.stringify({
        keyId: pair.keyId,
        publicKey: pair.publicKeyLine,
        publicKeyFile: publicPath,
        secretKeyFile: secretPath,
        encrypted,
      })}\n`,
    );
    return 0;
  }
  io.stdout.write(
    [
      `Key id:      ${pair.keyId}`,
      `Public key:  ${pair.publicKeyLine}`,
      `Secret key:  ${shown(secretPath)} (mode 0600${encrypted ? ', encrypted' : ', NOT encrypted'}; keep it out of version control)`,
      `Public file: ${shown(publicPath)} (publish it; verify uses it)`,
      '',
      'Sign a release:   talos-release --yes --sign-key ' + shown(secretPath) + ' ...',
      'Verify a release: talos-release verify <version> --pubkey ' + shown(publicPath),
      `   or minisign:   minisign -V -P ${pair.publicKeyLine} -m releases/<version>.sha256sums`,
      '',
    ].join('\n'),
  );
  return 0;
}

async function newPassword(io: CommandIo): Promise<string> {
  const fromTerminal = io.env[PASSWORD_ENV] === undefined;
  if (!fromTerminal || io.stdinIsTty) {
    const password = await signingPassword(io, 'Password for the new key: ', true);
    if (password !== '') return password;
    throw new UserInputError('the password is empty', {
      hint: `Choose a password${fromTerminal ? '' : ` (${PASSWORD_ENV})`}, or pass --unencrypted for a key without one.`,
    });
  }
  throw new UserInputError('keygen needs a password and there is no terminal to ask on', {
    hint: `Set ${PASSWORD_ENV}, or pass --unencrypted for a key without a password.`,
  });
}
