// The release flags, shared by the wizard, --yes, --dry-run and preflight, turned into a
// ReleaseRequest. Unknown flags and bad values are errors that name the flag.
import { resolve } from 'node:path';
import { concurrencyFlag } from './release-argument.js';
import { UserInputError } from '../core/errors.js';
import { parseCommandFlags } from './parse-flags.js';
import { resolveFactoryUrl } from '../core/factory/index.js';
import { readProjectFile } from '../core/project-file/index.js';
import {
  DEFAULT_ARCH,
  DEFAULT_ARTIFACTS_DIR,
  DEFAULT_CHANNEL,
  DEFAULT_PLATFORM,
  DEFAULT_SCHEMATIC_PATH,
} from '../core/pipeline/index.js';
import type { Architecture, ReleaseRequest } from '../core/pipeline/index.js';
import { assertRequestWithinLimits } from '../core/pipeline/index.js';

const RELEASE_OPTIONS = {
  schematic: { type: 'string' },
  'talos-version': { type: 'string' },
  extensions: { type: 'string' },
  platform: { type: 'string' },
  arch: { type: 'string' },
  secureboot: { type: 'boolean' },
  'release-version': { type: 'string' },
  channel: { type: 'string' },
  'kubernetes-version': { type: 'string' },
  'app-version': { type: 'string' },
  'values-profile': { type: 'string' },
  'factory-url': { type: 'string' },
  registry: { type: 'string' },
  'artifacts-dir': { type: 'string' },
  root: { type: 'string' },
  force: { type: 'boolean' },
  'require-digest': { type: 'boolean' },
  'allow-public-secrets': { type: 'boolean' },
  'keep-extension-order': { type: 'boolean' },
  target: { type: 'string', multiple: true },
  installer: { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  'sign-key': { type: 'string' },
} as const;

export interface ParsedReleaseFlags {
  readonly request: ReleaseRequest;
  readonly yes: boolean;
  readonly json: boolean;
  readonly positionals: readonly string[];
}

export function parseReleaseFlags(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): ParsedReleaseFlags {
  const { values, positionals } = parseCommandFlags(
    argv,
    RELEASE_OPTIONS,
    'Run talos-release --help for the flags.',
  );
  const text = (name: keyof typeof RELEASE_OPTIONS): string | undefined => {
    const value = values[name];
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') throw new UserInputError(`--${name} needs a value`);
    return value.trim();
  };
  const flag = (name: keyof typeof RELEASE_OPTIONS): boolean => values[name] === true;
  const extensions = text('extensions');
  const root = text('root') ?? cwd;
  // The repository's talos-release.yaml, when there is one: each flag overrides its field.
  const file = readProjectFile(root) ?? {};
  const envFactory = env['TALOS_FACTORY_URL']?.trim() ? undefined : file.factory;
  const request: ReleaseRequest = {
    root,
    schematicPath: text('schematic') ?? file.schematic ?? DEFAULT_SCHEMATIC_PATH,
    talosVersion: text('talos-version'),
    extensions: extensions === undefined ? undefined : splitList(extensions),
    platform: text('platform') ?? DEFAULT_PLATFORM,
    arch: architecture(text('arch')),
    secureboot: flag('secureboot'),
    releaseVersion: text('release-version'),
    channel: text('channel') ?? file.channel ?? DEFAULT_CHANNEL,
    kubernetesVersion: text('kubernetes-version')?.replace(/^v/, ''),
    appVersion: text('app-version'),
    valuesProfile: text('values-profile'),
    factoryUrl: resolveFactoryUrl(text('factory-url') ?? envFactory, env),
    registry: text('registry') ?? file.registry,
    artifactsDir: text('artifacts-dir') ?? DEFAULT_ARTIFACTS_DIR,
    force: flag('force'),
    requireDigest: flag('require-digest'),
    allowPublicSecrets: flag('allow-public-secrets'),
    keepExtensionOrder: flag('keep-extension-order'),
    targets:
      listed('target', values.target)?.map((name) => ({ name })) ??
      file.targets?.map((t) => (typeof t === 'string' ? { name: t } : t)),
    installers: listed('installer', values.installer) ?? file.installers,
    concurrency: concurrencyFlag(text('concurrency'), 'targets download') ?? file.concurrency,
    dryRun: flag('dry-run'),
    signKey: signKeyPath(text('sign-key'), env, cwd, root, file.signing?.key),
  };
  // Every value is checked now, before anything is loaded, sent or downloaded.
  assertRequestWithinLimits(request);
  return { yes: flag('yes'), json: flag('json'), positionals, request };
}

/** The flag and the variable are relative to where the command runs; the file's field to the root. */
function signKeyPath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
  root: string,
  fromFile: string | undefined,
): string | undefined {
  const fromEnv = env['TALOS_RELEASE_SIGN_KEY']?.trim();
  if (flag !== undefined) return resolve(cwd, flag);
  if (fromEnv) return resolve(cwd, fromEnv);
  return fromFile === undefined ? undefined : resolve(cwd, root, fromFile);
}

/** A repeatable flag: every value trimmed and non-empty; absent when never given. */
function listed(name: string, given: readonly string[] | undefined): string[] | undefined {
  if (given === undefined) return undefined;
  const values = given.map((value) => value.trim());
  if (values.some((value) => value === '')) throw new UserInputError(`--${name} needs a value`);
  return values;
}

/** Empty items are kept so that `,,,` is refused rather than read as "no extensions". */
function splitList(value: string): string[] {
  return value.split(',').map((item) => item.trim());
}

function architecture(value: string | undefined): Architecture {
  if (value === undefined) return DEFAULT_ARCH;
  if (value === 'amd64' || value === 'arm64') return value;
  throw new UserInputError(`--arch must be amd64 or arm64, not ${JSON.stringify(value)}`);
}
