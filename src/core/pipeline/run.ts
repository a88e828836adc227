// The release session run straight through, reporting as it goes: what --yes and --dry-run do.
// The wizard drives the same session one screen at a time.
import { UserInputError } from '../errors.js';
import type { DownloadResult } from '../download/index.js';
import type { FactoryClient } from '../factory/index.js';
import type { Http } from '../http/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import type { SecretKey } from '../signing/index.js';
import type { ResolvedInstaller } from './artifacts.js';
import { manifestCandidate } from './build-manifest.js';
import type { PipelineReporter, PipelineStep } from './events.js';
import type { ReleasePlan } from './plan.js';
import type { LoadedProject } from './project.js';
import { assertNoProblems } from './problems.js';
import { assertReleaseVersion } from './release-version.js';
import { RELEASE_STEPS, positionIn } from './release-steps.js';
import { exactTalosVersion } from './request.js';
import type { ReleaseRequest } from './request.js';
import { openReleaseSession } from './session.js';
import type { ReleaseSession } from './session.js';
import { firstIso } from './targets-plan.js';
import type { WrittenRelease } from './write-release.js';

export interface RunDependencies {
  readonly client: FactoryClient;
  readonly report: PipelineReporter;
  readonly signal?: AbortSignal | undefined;
  /** The run's one HTTP layer (the one the client was made with). */
  readonly http: Http;
  readonly now?: () => Date;
  readonly toolVersion: string;
  /** Unlocked by the command before the run; signs the sums and the provenance. */
  readonly signingKey?: SecretKey | undefined;
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
      /** The first ISO target's download, which `os.iso` records. */
      readonly iso: DownloadResult;
      readonly downloads: ReadonlyMap<string, DownloadResult>;
      /** The first installer, which `os.installer` records. */
      readonly installer: ResolvedInstaller;
      readonly installers: readonly ResolvedInstaller[];
      readonly written: WrittenRelease;
    };

export async function runRelease(
  request: ReleaseRequest,
  deps: RunDependencies,
): Promise<ReleaseOutcome> {
  const { client, report } = deps;
  const now = deps.now ?? (() => new Date());
  const session = openReleaseSession(request, {
    factory: client,
    signal: deps.signal,
    http: deps.http,
    now,
    toolVersion: deps.toolVersion,
    lockedBy: 'talos-release --yes',
    signingKey: deps.signingKey,
  });
  const step = (name: PipelineStep, message: string): void =>
    report({ type: 'step', step: name, position: positionIn(RELEASE_STEPS, name), message });
  const selector = required(request.talosVersion, '--talos-version', 'latest, 1.12 or v1.12.4');
  step('load', `Loading ${request.schematicPath}`);
  const project = await session.load();
  const exact = exactTalosVersion(selector);
  const offline = request.dryRun && exact !== undefined;
  let talosVersion = exact;
  if (!offline) {
    step('versions', `Listing Talos versions from ${client.baseUrl}`);
    talosVersion = session.resolveVersion(selector, await session.versions());
  }
  const version = talosVersion ?? selector;
  const resolved = version === exact ? '' : ` (from "${selector}")`;
  report({ type: 'note', message: `Talos version ${version}${resolved}` });
  const answers = session.answers(project, version);
  assertReleaseVersion(answers.releaseVersion);
  required(answers.appVersion, '--app-version', 'the appliance application version, e.g. 2.3.0');
  let catalogue;
  if (!offline) {
    step('catalogue', `Checking extensions for Talos ${version}`);
    catalogue = await session.catalogue(version);
  }
  const plan = await session.plan(project, answers, catalogue);
  for (const change of [...plan.normalFormChanges, ...plan.notes]) {
    report({ type: 'note', message: change });
  }
  for (const warning of plan.warnings) report({ type: 'warning', message: warning });
  assertNoProblems(plan.problems);
  step('plan', `Schematic ID ${plan.schematicId}`);

  if (request.dryRun) {
    const pending = { sha256: '(pending: computed while downloading)', size: '(pending)' };
    const manifest = manifestCandidate(plan, {
      iso: pending,
      hashed: () => pending,
      installer: { digest: '(pending: resolved after the download)' },
      generatedAt: now(),
      toolVersion: deps.toolVersion,
    });
    return { kind: 'dry-run', plan, manifest };
  }

  step('lock', 'Locking the repository');
  try {
    for (const note of await session.lock(project)) report({ type: 'note', message: note });
    return await releaseLocked(session, project, plan, deps, step);
  } finally {
    await session.close();
  }
}

async function releaseLocked(
  session: ReleaseSession,
  project: LoadedProject,
  plan: ReleasePlan,
  deps: RunDependencies,
  step: (name: PipelineStep, message: string) => void,
): Promise<ReleaseOutcome> {
  const { report } = deps;
  step('submit', `Submitting the schematic to ${session.factoryUrl}`);
  await session.submit(plan);
  report({ type: 'note', message: `The factory's schematic ID matches: ${plan.schematicId}` });

  const many = plan.targets.length > 1;
  step(
    'download',
    many ? `Downloading ${plan.targets.length} targets` : `Downloading ${plan.refs.isoUrl}`,
  );
  const downloads = await session.download(project, plan, (target, event) =>
    report({ type: 'download', event, ...(many ? { target } : {}) }),
  );

  step(
    'installer',
    plan.installers.length > 1
      ? `Resolving ${plan.installers.length} installers`
      : `Resolving ${plan.refs.installerImage}`,
  );
  const installers = await session.installer(plan, (elapsedMs) =>
    report({ type: 'installer-building', elapsedMs }),
  );
  for (const resolved of installers) {
    if (resolved.reason) {
      const which = installers.length > 1 ? ` of ${resolved.image}` : '';
      report({
        type: 'warning',
        message: `installer digest${which} not recorded: ${resolved.reason}`,
      });
    }
  }

  step('manifest', `Building the manifest for release ${plan.answers.releaseVersion}`);
  const manifest = session.manifest(plan, downloads, installers);
  step('write', `Writing ${plan.paths.manifestRelative}`);
  const written = await session.write(project, plan, manifest);
  const iso = downloads.get(firstIso(plan.targets).name);
  const installer = installers[0];
  if (!iso || !installer) throw new Error('bug: the primary ISO or installer is missing');
  return { kind: 'released', plan, manifest, iso, downloads, installer, installers, written };
}

function required(value: string | undefined, flag: string, example: string): string {
  if (value !== undefined && value !== '') return value;
  throw new UserInputError(`${flag} is required here (no terminal to ask on)`, {
    hint: `Pass ${flag} (${example}), or run in a terminal without --yes to be asked.`,
  });
}
