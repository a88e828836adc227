// `talos-release bundle <release-version> [--out <dir>|<file>.tar]`: everything a site without
// internet needs, checked and loaded there with `verify --bundle` and `publish --from`.
import { resolve } from 'node:path';
import { ExitCode } from '../core/errors.js';
import { writeBundle } from '../core/bundle/index.js';
import { formatBytes } from '../core/format/index.js';
import { readToolVersion } from '../tool-version.js';
import type { CommandIo } from './io.js';
import { withInterruptSignal } from './interrupt.js';
import { parseCommandFlags } from './parse-flags.js';
import { publishProgressPrinter } from './presenters/publish-progress.js';
import { jsonLine } from './presenters/json.js';
import { createRunHttp } from './run-http.js';
import { releaseVersionArgument } from './release-argument.js';

const BUNDLE_OPTIONS = {
  out: { type: 'string' },
  root: { type: 'string' },
  force: { type: 'boolean' },
  'require-signature': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const USAGE =
  'Run talos-release bundle <release-version> [--out <dir>|<file>.tar] [--force] [--require-signature] [--json].';

export async function runBundle(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandFlags(argv, BUNDLE_OPTIONS, USAGE);
  const releaseVersion = releaseVersionArgument('bundle', positionals, USAGE);
  const root = resolve(io.cwd, values.root ?? '.');
  const out = resolve(io.cwd, values.out ?? `talos-release-${releaseVersion}.tar`);
  const json = values.json === true;
  const printer = publishProgressPrinter(io, { json, into: 'bundle' });
  // The first line is printed once Ctrl-C is ours to handle (exit 130, not a bare kill).
  const result = await withInterruptSignal((signal) => {
    if (!json) io.stdout.write(`Bundling release ${releaseVersion} into ${out}\n`);
    return writeBundle({
      root,
      releaseVersion,
      out,
      http: createRunHttp(io.env, readToolVersion()),
      force: values.force === true,
      requireSignature: values['require-signature'] === true,
      onEvent: printer.onEvent,
      signal,
    });
  });
  if (json) io.stdout.write(jsonLine({ event: 'bundled', ok: true, exitCode: 0, ...result }));
  else {
    for (const image of result.images) io.stdout.write(`  image: ${image}\n`);
    io.stdout.write(`bundled: ${result.path} (${formatBytes(result.bytes)})\n`);
    io.stdout.write(`at the site: talos-release verify --bundle ${result.path} --pubkey <key>\n`);
  }
  return ExitCode.ok;
}
