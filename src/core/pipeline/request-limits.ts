// Every flag a release records is held to the manifest schema's own rule for that field before
// anything is sent: a value the manifest would refuse after a full download is refused at once,
// naming the flag. The rules are the schema's fields, so the two cannot drift apart.
import type { z } from 'zod';
import { UserInputError } from '../errors.js';
import {
  appVersionField,
  channelNameField,
  factoryUrlField,
  kubernetesVersionField,
  platformField,
  releaseVersionField,
  valuesProfileField,
} from '../manifest/index.js';
import { shownValue } from './release-version.js';
import { exactTalosVersion } from './request.js';
import type { ReleaseRequest } from './request.js';
import { parseInstallerChoice, parseTargets } from '../artifacts/index.js';

interface Limit {
  readonly flag: string;
  /** How existing messages name the value, e.g. "release version". */
  readonly what: string;
  readonly field: z.ZodType<string>;
  readonly value: (request: ReleaseRequest) => string | undefined;
  readonly hint: string;
}

const LIMITS: readonly Limit[] = [
  {
    flag: '--release-version',
    what: 'release version',
    field: releaseVersionField,
    value: (r) => r.releaseVersion,
    hint: 'Use a semantic version such as 1.4.2 or 1.5.0-rc.1 (no leading v, no build metadata).',
  },
  {
    flag: '--channel',
    what: 'channel name',
    field: channelNameField,
    value: (r) => r.channel,
    hint: 'Use letters, digits, dots, dashes and underscores, e.g. stable or beta.',
  },
  {
    flag: '--app-version',
    what: 'app version',
    field: appVersionField,
    value: (r) => r.appVersion,
    hint: 'Pass the appliance application version, e.g. 2.3.0.',
  },
  {
    flag: '--values-profile',
    what: 'values profile',
    field: valuesProfileField,
    value: (r) => r.valuesProfile,
    hint: 'Pass a profile name such as default or production.',
  },
  {
    flag: '--kubernetes-version',
    what: 'Kubernetes version',
    field: kubernetesVersionField,
    value: (r) => r.kubernetesVersion,
    hint: 'Pass a Kubernetes version such as 1.35.2.',
  },
  {
    flag: '--platform',
    what: 'platform',
    field: platformField,
    value: (r) => r.platform,
    hint: 'Pass a Talos platform name such as metal, aws or nocloud.',
  },
];

/** host or host:port (port 1-65535); a DNS name, an IPv4 address or a bracketed IPv6 one. */
const REGISTRY =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

export function assertRequestWithinLimits(request: ReleaseRequest): void {
  for (const limit of LIMITS) {
    const value = limit.value(request);
    if (value === undefined) continue;
    const result = limit.field.safeParse(value);
    if (result.success) continue;
    const reason = result.error.issues[0]?.message ?? 'is not valid';
    throw new UserInputError(
      `invalid ${limit.what}: ${shownValue(value)} (${limit.flag}: ${reason})`,
      {
        hint: limit.hint,
      },
    );
  }
  if (!factoryUrlField.safeParse(request.factoryUrl).success) {
    // The URL may carry a password: it is never repeated back.
    throw new UserInputError('--factory-url must be an http(s) URL with no user:password@ in it', {
      hint: 'Pass the factory as https://host[:port]; credentials are never stored.',
    });
  }
  if (request.extensions?.some((name) => name.trim() === '')) {
    throw new UserInputError('--extensions has an empty name in its list', {
      hint: 'Pass names separated by single commas, e.g. siderolabs/iscsi-tools,siderolabs/zfs.',
    });
  }
  if (request.registry !== undefined) assertRegistry(request.registry);
  assertTargetNames(request);
}

/**
 * The target and installer names, checked before anything is loaded or sent: against an exact
 * --talos-version when given, else against the newest rules (the plan checks the version and
 * each target's schematic again once both are known).
 */
function assertTargetNames(request: ReleaseRequest): void {
  const talosVersion = exactTalosVersion(request.talosVersion ?? '') ?? NEWEST_RULES;
  if (request.targets)
    parseTargets(
      request.targets.map((t) => t.name),
      () => ({ talosVersion, overlay: true }),
    );
  for (const name of request.installers ?? []) parseInstallerChoice(name, talosVersion);
}

/** A version past every quirk: only what holds for every version is checked with it. */
const NEWEST_RULES = 'v1.99.0';

function assertRegistry(registry: string): void {
  const match = REGISTRY.exec(registry);
  const port = match?.[1] === undefined ? undefined : Number(match[1]);
  if (match && (port === undefined || (port >= 1 && port <= 65535))) return;
  // Only a value that cannot hold credentials is repeated back.
  const echo = registry.includes('@') ? '' : ` (got ${shownValue(registry)})`;
  throw new UserInputError(`--registry must be host or host:port, port 1-65535${echo}`, {
    hint: registry.includes('@')
      ? 'Credentials do not belong in --registry: it is recorded in the manifest. Log in to the registry instead.'
      : 'For example registry.example.com or 127.0.0.1:5000 (no scheme, no path).',
  });
}
