// The release pipeline without screens: what --yes and --dry-run run, step by step, reporting
// as it goes. The wizard calls the same steps one screen at a time.
import { UserInputError } from '../errors.js';
import { acquireRepositoryLock } from '../fs/lock.js';
import type { DownloadResult } from '../download/index.js';
import type { FactoryClient } from '../factory/index.js';
import { parseManifest } from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { resolveVersionSelector } from '../versions/index.js';
import { readFile } from 'node:fs/promises';
import { downloadIso, previousIsoRecord, resolveInstaller } from './artifacts.js';
import type { InstallerResolution } from './artifacts.js';
import type { ReleaseAnswers } from './answers.js';
import { buildManifest, manifestCandidate } from './build-manifest.js';
import { releaseDefaults } from './defaults.js';
import type { PipelineReporter } from './events.js';
import { manifestPathFor, planRelease } from './plan.js';
import type { ReleasePlan } from './plan.js';
import { assertNoProblems } from './problems.js';
import { loadProject } from './project.js';
import type { LoadedProject } from './project.js';
import { assertReleaseVersion } from './release-version.js';
import { answersFrom, exactTalosVersion } from './request.js';
import type { ReleaseRequest } from './request.js';
import { submitSchematic } from './submit.js';
import { exists, writeRelease } from './write-release.js';
import type { WrittenRelease } from './write-release.js';

export interface RunDependencies {
  readonly client: FactoryClient;
  readonly report: PipelineReporter;
  readonly signal?: AbortSignal | undefined;
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly now?: () => Date;
  readonly toolVersion: string;
}

export type ReleaseOutcome =
  | {
      readonly kind: 'dry-run';
      readonly plan: ReleasePlan;
      readonly manifest: Record<string, unknown>;
    }
  | {
      readonly kind: 'released';
      readonly plan: ReleasePlan;
      readonly manifest: ReleaseManifest;
      readonly iso: DownloadResult;
      readonly installer: InstallerResolution;
      readonly written: WrittenRelease;
    };

export async function runRelease(
  request: ReleaseRequest,
  deps: RunDependencies,
): Promise<ReleaseOutcome> {
  const { client, report } = deps;
  const now = deps.now ?? (() => new Date());
  const selector = required(request.talosVersion, '--talos-version', 'latest, 1.12 or v1.12.4');
  report({ type: 'step', step: 'load', message: `Loading ${request.schematicPath}` });
  const project = await loadProject(request);
  const exact = exactTalosVersion(selector);
  const offline = request.dryRun && exact !== undefined;
  let talosVersion = exact;
  if (!offline) {
    report({
      type: 'step',
      step: 'versions',
      message: `Listing Talos versions from ${client.baseUrl}`,
    });
    talosVersion = resolveVersionSelector(selector, await client.listVersions());
  }
  const version = talosVersion ?? selector;
  const resolved = version === exact ? '' : ` (from "${selector}")`;
  report({ type: 'note', message: `Talos version ${version}${resolved}` });
  const answers = completeAnswers(request, project, version);
  let catalogue;
  if (!offline) {
    report({
      type: 'step',
      step: 'catalogue',
      message: `Checking extensions for Talos ${version}`,
    });
    catalogue = await client.listExtensions(version);
  }
  const plan = planRelease(answers, {
    project,
    catalogue,
    manifestExists: await exists(manifestPathFor(project.root, answers.releaseVersion)),
  });
  for (const change of plan.normalFormChanges) report({ type: 'note', message: change });
  for (const warning of plan.warnings) report({ type: 'warning', message: warning });
  assertNoProblems(plan.problems);
  report({ type: 'step', step: 'plan', message: `Schematic ID ${plan.schematicId}` });

  if (request.dryRun) {
    const manifest = manifestCandidate(plan, {
      iso: { sha256: '(pending: computed while downloading)', size: '(pending)' },
      installer: { digest: '(pending: resolved after the download)' },
      generatedAt: now(),
      toolVersion: deps.toolVersion,
    });
    return { kind: 'dry-run', plan, manifest };
  }

  report({ type: 'step', step: 'lock', message: 'Locking the repository' });
  const lock = await acquireRepositoryLock(project.root, 'talos-release --yes');
  try {
    return await releaseLocked(project, plan, deps, now);
  } finally {
    await lock.release();
  }
}

async function releaseLocked(
  project: LoadedProject,
  plan: ReleasePlan,
  deps: RunDependencies,
  now: () => Date,
): Promise<ReleaseOutcome> {
  const { client, report, signal, env } = deps;
  report({
    type: 'step',
    step: 'submit',
    message: `Submitting the schematic to ${client.baseUrl}`,
  });
  await submitSchematic(client, plan);
  report({ type: 'note', message: `The factory's schematic ID matches: ${plan.schematicId}` });

  report({ type: 'step', step: 'download', message: `Downloading ${plan.refs.isoUrl}` });
  const existing = await readExistingManifest(plan);
  const iso = await downloadIso(plan, await previousIsoRecord(project, plan, existing), {
    signal,
    env,
    onEvent: (event) => report({ type: 'download', event }),
  });

  report({ type: 'step', step: 'installer', message: `Resolving ${plan.refs.installerImage}` });
  const installer = await resolveInstaller(plan, {
    signal,
    env,
    requireDigest: plan.answers.requireDigest,
    onBuilding: (elapsedMs) => report({ type: 'installer-building', elapsedMs }),
  });
  if (installer.reason) {
    report({ type: 'warning', message: `installer digest not recorded: ${installer.reason}` });
  }

  const manifest = buildManifest(plan, {
    iso,
    installer,
    generatedAt: now(),
    toolVersion: deps.toolVersion,
  });
  report({ type: 'step', step: 'write', message: `Writing ${plan.paths.manifestRelative}` });
  const written = await writeRelease(project, plan, manifest);
  return { kind: 'released', plan, manifest, iso, installer, written };
}

function completeAnswers(
  request: ReleaseRequest,
  project: LoadedProject,
  talosVersion: string,
): ReleaseAnswers {
  const defaults = releaseDefaults(project, talosVersion);
  const releaseVersion = request.releaseVersion ?? defaults.releaseVersion;
  assertReleaseVersion(releaseVersion);
  return answersFrom(request, {
    root: project.root,
    talosVersion,
    extensions: request.extensions,
    releaseVersion,
    channel: request.channel,
    kubernetesVersion: request.kubernetesVersion ?? defaults.kubernetesVersion ?? '',
    appVersion: required(
      request.appVersion ?? defaults.appVersion,
      '--app-version',
      'the appliance application version, e.g. 2.3.0',
    ),
    valuesProfile: request.valuesProfile ?? defaults.valuesProfile,
  });
}

function required(value: string | undefined, flag: string, example: string): string {
  if (value !== undefined && value !== '') return value;
  throw new UserInputError(`${flag} is required here (no terminal to ask on)`, {
    hint: `Pass ${flag} (${example}), or run in a terminal without --yes to be asked.`,
  });
}

async function readExistingManifest(plan: ReleasePlan): Promise<ReleaseManifest | undefined> {
  try {
    return parseManifest(await readFile(plan.paths.manifest, 'utf8'), plan.paths.manifest);
  } catch {
    return undefined;
  }
}
