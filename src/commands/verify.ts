// `talos-release verify <manifest> [--root dir] [--online] [--json]`: re-checks a written release
// as a checklist on stdout. Exit 0 only when every check agrees.
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { ExitCode, UserInputError } from '../core/errors.js';
import { RELEASE_VERSION_PATTERN } from '../core/manifest/index.js';
import { verifyRelease } from '../core/verify/index.js';
import { buildingNotes } from './presenters/building-notes.js';
import { checklistSummary, marksFor, renderCheck } from './presenters/checklist.js';
import type { VerifyReport } from '../core/verify/index.js';
import { readToolVersion } from '../tool-version.js';
import { withInterruptSignal } from './interrupt.js';
import { parseCommandFlags } from './parse-flags.js';
import type { CommandIo } from './io.js';
import { createRunHttp } from './run-http.js';
import { readPublicKeyArgument } from './public-key-argument.js';

const VERIFY_OPTIONS = {
  root: { type: 'string' },
  pubkey: { type: 'string' },
  online: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export async function runVerify(argv: readonly string[], io: CommandIo): Promise<number> {
  if (argv.some((arg) => arg === '--bundle' || arg.startsWith('--bundle='))) {
    const { runVerifyBundle } = await import('./verify-bundle.js');
    return runVerifyBundle(argv, io);
  }
  const { values, positionals } = parseVerifyFlags(argv);
  const [manifestArg, ...extra] = positionals;
  if (manifestArg === undefined || extra.length > 0) {
    throw new UserInputError(
      manifestArg === undefined
        ? 'verify needs the manifest to check'
        : `verify takes one manifest, not ${positionals.length}`,
      {
        hint: 'Run talos-release verify <version> (or releases/<version>.json) [--root <dir>] [--online] [--pubkey <file|key>].',
      },
    );
  }
  const explicitRoot = values.root === undefined ? undefined : resolve(io.cwd, values.root);
  const manifestPath = locateManifest(manifestArg, io.cwd, explicitRoot);
  const publicKey =
    values.pubkey === undefined ? undefined : readPublicKeyArgument(values.pubkey, io.cwd);
  const root = explicitRoot ?? defaultRoot(manifestPath, io.cwd);
  const json = values.json === true;
  const marks = marksFor(io.stdoutIsTty, io.env);
  if (!json) io.stdout.write(`Verifying ${manifestPath}\n`);
  // A failure, --json or not, is reported once by the dispatcher.
  const report: VerifyReport = await withInterruptSignal((signal) =>
    verifyRelease({
      manifestPath,
      root,
      online: values.online === true,
      env: io.env,
      publicKey,
      http: createRunHttp(io.env, readToolVersion()),
      signal,
      onCheck: json ? undefined : (check) => io.stdout.write(`${renderCheck(check, marks)}\n`),
      onBuilding: buildingNotes((line) => io.stderr.write(`${line}\n`), 'the image'),
    }),
  );
  if (json) io.stdout.write(`${JSON.stringify(reportJson(manifestPath, report))}\n`);
  else
    io.stdout.write(
      checklistSummary(
        report.checks,
        `verified: release ${report.manifest.releaseVersion} agrees with itself`,
      ),
    );
  return report.exitCode;
}

function parseVerifyFlags(argv: readonly string[]) {
  return parseCommandFlags(
    argv,
    VERIFY_OPTIONS,
    'Run talos-release verify <manifest|version> [--root <dir>] [--online] [--pubkey <file|key>] [--json].',
  );
}

/**
 * Relative to the working directory; failing that, to --root (`verify releases/1.2.3.json --root
 * repo`); failing that, a release version names its manifest (`verify 1.2.3`).
 */
function locateManifest(path: string, cwd: string, root: string | undefined): string {
  const fromCwd = resolve(cwd, path);
  if (isAbsolute(path) || existsSync(fromCwd)) return fromCwd;
  if (root !== undefined && existsSync(resolve(root, path))) return resolve(root, path);
  if (RELEASE_VERSION_PATTERN.test(path)) return resolve(root ?? cwd, 'releases', `${path}.json`);
  return fromCwd;
}

/** A manifest at <repo>/releases/<v>.json belongs to <repo>, wherever verify is run from. */
function defaultRoot(manifestPath: string, cwd: string): string {
  const folder = dirname(manifestPath);
  return basename(folder) === 'releases' ? dirname(folder) : cwd;
}

function reportJson(manifestPath: string, report: VerifyReport): Record<string, unknown> {
  return {
    manifest: manifestPath,
    releaseVersion: report.manifest.releaseVersion,
    ok: report.exitCode === ExitCode.ok,
    exitCode: report.exitCode,
    checks: report.checks,
  };
}
