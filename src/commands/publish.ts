// `talos-release publish <release-version> [--to <registry>/<prefix>]`: the release and its
// installers into the team's registry, then a record in releases/<v>.publish.json. The core does
// the work; this file reads flags and prints what happened.
import { resolve } from 'node:path';
import { ExitCode, UserInputError } from '../core/errors.js';
import { readProjectFile } from '../core/project-file/index.js';
import { publishFromBundle } from '../core/bundle/index.js';
import { openPublishTarget, publishFromRepository } from '../core/publish/index.js';
import type { PublishTarget } from '../core/publish/index.js';
import type { Http } from '../core/http/index.js';
import { readToolVersion } from '../tool-version.js';
import type { CommandIo } from './io.js';
import { withInterruptSignal } from './interrupt.js';
import { parseCommandFlags } from './parse-flags.js';
import { publishProgressPrinter } from './presenters/publish-progress.js';
import { createRunHttp } from './run-http.js';
import { concurrencyFlag, releaseVersionArgument } from './release-argument.js';
import { readPublicKeyArgument } from './public-key-argument.js';

const PUBLISH_OPTIONS = {
  to: { type: 'string' },
  from: { type: 'string' },
  pubkey: { type: 'string' },
  root: { type: 'string' },
  'registry-ca': { type: 'string' },
  'insecure-registry': { type: 'boolean' },
  'require-signature': { type: 'boolean' },
  force: { type: 'boolean' },
  concurrency: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const USAGE =
  'Run talos-release publish <release-version> --to <registry>/<prefix> [--registry-ca <pem>] [--insecure-registry] [--require-signature] [--force] [--json], or publish --from <bundle> --to <registry>/<prefix> [--pubkey <key>].';

export async function runPublish(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandFlags(argv, PUBLISH_OPTIONS, USAGE);
  const root = resolve(io.cwd, values.root ?? '.');
  if (values.from !== undefined) return publishBundle(values, positionals, io, root);
  const releaseVersion = releaseVersionArgument('publish', positionals, USAGE);
  const file = readProjectFile(root)?.publish;
  const to = values.to ?? file?.to;
  if (to === undefined)
    throw new UserInputError('publish needs a destination registry', {
      hint: 'Pass --to <registry>/<prefix> (e.g. registry.example.com/appliance), or set publish.to in talos-release.yaml.',
    });
  const concurrency = concurrencyFlag(values.concurrency, 'blobs upload');
  const http = createRunHttp(io.env, readToolVersion());
  const target = await openTarget(values, to, io, root, http);
  const json = values.json === true;
  if (!json)
    io.stdout.write(
      `Publishing release ${releaseVersion} to ${target.registry}/${target.prefix}\n`,
    );
  const printer = publishProgressPrinter(io, { json });
  const result = await withInterruptSignal((signal) =>
    publishFromRepository({
      root,
      releaseVersion,
      target,
      http,
      requireSignature: values['require-signature'] === true || file?.requireSignature === true,
      force: values.force === true,
      concurrency,
      toolVersion: readToolVersion(),
      onEvent: printer.onEvent,
      signal,
    }),
  );
  printer.finish(result);
  return ExitCode.ok;
}

type PublishValues = ReturnType<typeof parseCommandFlags<typeof PUBLISH_OPTIONS>>['values'];

/** `publish --from <bundle>`: at the site; the installers come from the bundle, not the factory. */
async function publishBundle(
  values: PublishValues,
  positionals: readonly string[],
  io: CommandIo,
  root: string,
): Promise<number> {
  if (positionals.length > 0)
    throw new UserInputError('publish --from takes no release version: the bundle names it', {
      hint: USAGE,
    });
  const file = readProjectFile(root)?.publish;
  const to = values.to ?? file?.to;
  if (to === undefined)
    throw new UserInputError('publish --from needs a destination registry', {
      hint: 'Pass --to <site registry>/<prefix>.',
    });
  const target = await openTarget(values, to, io, root, createRunHttp(io.env, readToolVersion()));
  // The team's key, when given, is checked against the bundle before anything is pushed.
  const publicKey =
    values.pubkey === undefined ? undefined : readPublicKeyArgument(values.pubkey, io.cwd);
  const json = values.json === true;
  const bundle = resolve(io.cwd, values.from ?? '');
  const printer = publishProgressPrinter(io, { json });
  // The first line is printed once Ctrl-C is ours to handle (exit 130, not a bare kill).
  const publication = await withInterruptSignal((signal) => {
    if (!json)
      io.stdout.write(`Publishing bundle ${bundle} to ${target.registry}/${target.prefix}\n`);
    return publishFromBundle({
      bundle,
      target,
      requireSignature: values['require-signature'] === true || file?.requireSignature === true,
      publicKey,
      force: values.force === true,
      concurrency: concurrencyFlag(values.concurrency, 'blobs upload'),
      toolVersion: readToolVersion(),
      onEvent: printer.onEvent,
      signal,
    });
  });
  printer.finish({ publication, recordPath: undefined });
  return ExitCode.ok;
}

/** Flags first, then the publish block of talos-release.yaml. */
function openTarget(
  values: PublishValues,
  to: string,
  io: CommandIo,
  root: string,
  http: Http,
): Promise<PublishTarget> {
  const file = readProjectFile(root)?.publish;
  return openPublishTarget({
    http,
    to,
    insecure: values['insecure-registry'] === true || file?.insecure === true,
    caPath: caPathOf(values['registry-ca'], io.cwd, file?.registryCa, root),
    env: io.env,
  });
}

/** --registry-ca is relative to where the command runs; publish.registryCa to the repository. */
function caPathOf(
  flag: string | undefined,
  cwd: string,
  fromFile: string | undefined,
  root: string,
): string | undefined {
  if (flag !== undefined) return resolve(cwd, flag);
  return fromFile === undefined ? undefined : resolve(root, fromFile);
}
