// `talos-release verify --bundle <dir|tar> [--pubkey <file|key>] [--json]`: the site's check of
// a bundle, with no network: signature, every hash, every installer blob.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { directoryView, tarView, verifyBundle } from '../core/bundle/index.js';
import { ExitCode, UserInputError } from '../core/errors.js';
import { readPublicKeyArgument } from './public-key-argument.js';
import { checklistSummary, marksFor, renderCheck } from './presenters/checklist.js';
import type { CommandIo } from './io.js';
import { withInterruptSignal } from './interrupt.js';
import { parseCommandFlags } from './parse-flags.js';

const OPTIONS = {
  bundle: { type: 'string' },
  pubkey: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const USAGE = 'Run talos-release verify --bundle <dir|file.tar> [--pubkey <file|key>] [--json].';

export async function runVerifyBundle(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandFlags(argv, OPTIONS, USAGE);
  if (positionals.length > 0 || values.bundle === undefined)
    throw new UserInputError('verify --bundle takes the bundle and no manifest', { hint: USAGE });
  const path = resolve(io.cwd, values.bundle);
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new UserInputError(`the bundle ${path} does not exist`, {
      hint: 'Give the directory or .tar that talos-release bundle wrote.',
    });
  const json = values.json === true;
  const marks = marksFor(io.stdoutIsTty, io.env);
  // The key is read before the bundle, so a bad --pubkey fails at once.
  const publicKey =
    values.pubkey === undefined ? undefined : readPublicKeyArgument(values.pubkey, io.cwd);
  // The first line is printed once Ctrl-C is ours to handle: an operator who presses it as soon
  // as the line appears gets exit 130 and the usual message, not a bare kill.
  const report = await withInterruptSignal(async (signal) => {
    if (!json) io.stdout.write(`Verifying bundle ${path}\n`);
    return verifyBundle({
      view: info.isDirectory() ? await directoryView(path) : await tarView(path, signal),
      publicKey,
      onCheck: json ? undefined : (check) => io.stdout.write(`${renderCheck(check, marks)}\n`),
      signal,
    });
  });
  if (json)
    io.stdout.write(
      `${JSON.stringify({ bundle: path, releaseVersion: report.manifest?.releaseVersion, ok: report.exitCode === ExitCode.ok, exitCode: report.exitCode, checks: report.checks })}\n`,
    );
  else
    io.stdout.write(
      checklistSummary(
        report.checks,
        `verified: bundle of release ${report.manifest?.releaseVersion ?? '?'} is complete and unchanged`,
      ),
    );
  return report.exitCode;
}
