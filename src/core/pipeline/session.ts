// One release session: the ordered steps of a release (RELEASE_STEPS) over one request, one
// factory, one signal and one repository lock. --yes and --dry-run run them straight through
// (run.ts), the wizard one screen at a time with pauses and re-plans, preflight up to the plan.
// Whatever drives it, the answers, the defaults, the plan and the commit are worked out here.
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { ExtensionInfo } from '../catalogue/index.js';
import type { DownloadEvent, DownloadResult } from '../download/index.js';
import { acquireRepositoryLock, removeStrayTempFiles } from '../fs/index.js';
import type { Http } from '../http/index.js';
import type { RepositoryLock } from '../fs/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import type { SecretKey } from '../signing/index.js';
import { resolveVersionSelector } from '../versions/index.js';
import { DEFAULT_CONCURRENCY, RELEASES_DIR } from './answers.js';
import type { ReleaseAnswers } from './answers.js';
import { previousTargetRecord, resolveInstallers } from './artifacts.js';
import type { ResolvedInstaller } from './artifacts.js';
import { downloadTargets, headSizes } from './download-targets.js';
import { loadTargetSchematics } from './target-schematics.js';
import { buildManifest } from './build-manifest.js';
import { releaseDefaults } from './defaults.js';
import type { ReleaseDefaults } from './defaults.js';
import { readExistingManifest, releaseState } from './existing-release.js';
import { planRelease, releasePaths } from './plan.js';
import type { ReleasePlan } from './plan.js';
import { loadProject } from './project.js';
import type { LoadedProject } from './project.js';
import { assertReleaseVersion } from './release-version.js';
import type { ReleaseRequest } from './request.js';
import { answersFor } from './session-answers.js';
import type { ChosenAnswers } from './session-answers.js';
import { submitSchematic } from './submit.js';
import type { SubmittedSchematic } from './submit.js';
import { writeRelease } from './write-release.js';
import type { WrittenRelease } from './write-release.js';

/** The part of the factory client a session uses; the real client satisfies it. */
export interface SessionFactory {
  readonly baseUrl: string;
  listVersions(): Promise<string[]>;
  listExtensions(version: string): Promise<readonly ExtensionInfo[]>;
  createSchematic(yamlText: string): Promise<SubmittedSchematic>;
}

export interface SessionDependencies {
  readonly factory: SessionFactory;
  readonly signal?: AbortSignal | undefined;
  /** The run's one HTTP layer: the download and the installer resolver share it. */
  readonly http: Http;
  readonly now?: (() => Date) | undefined;
  readonly toolVersion: string;
  /** Written into the lock file so a second run can say who holds the repository. */
  readonly lockedBy: string;
  /**
   * Unlocked before the session opens (before anything is downloaded); when set, the write step
   * signs the sums and the provenance.
   */
  readonly signingKey?: SecretKey | undefined;
}

export interface ReleaseSession {
  readonly request: ReleaseRequest;
  readonly factoryUrl: string;
  /** The schematic, the channel (the request's, or another typed in the wizard) and its current. */
  load(channel?: string): Promise<LoadedProject>;
  versions(): Promise<string[]>;
  /** An exact version from a selector (`latest`, `1.12`, `v1.12.4`) and the factory's list. */
  resolveVersion(selector: string, versions: readonly string[]): string;
  catalogue(talosVersion: string): Promise<readonly ExtensionInfo[]>;
  /** What the channel's current release suggests; Kubernetes only once a version is chosen. */
  defaults(project: LoadedProject, talosVersion?: string): ReleaseDefaults;
  /** Chosen, else flag, else channel default. */
  answers(project: LoadedProject, talosVersion: string, chosen?: ChosenAnswers): ReleaseAnswers;
  /** The release worked out in full; `catalogue` undefined plans offline. */
  plan(
    project: LoadedProject,
    answers: ReleaseAnswers,
    catalogue: readonly ExtensionInfo[] | undefined,
  ): Promise<ReleasePlan>;
  /**
   * Takes the repository lock (once; held until close) and clears what a killed run left.
   * Resolves with notes for the operator: a stale lock taken over, temp files removed.
   */
  lock(project: LoadedProject): Promise<readonly string[]>;
  /** Submits the release's schematic, then each other one a target names. */
  submit(plan: ReleasePlan): Promise<SubmittedSchematic>;
  /**
   * HEAD of every target at once: starts every build; the sizes the factory announces. `signal`
   * (besides the session's) lets a screen that is left stop waiting for a cold build.
   */
  sizes(plan: ReleasePlan, signal?: AbortSignal): Promise<ReadonlyMap<string, number | undefined>>;
  /** Every target, a few at a time; rejects after all settled when any failed. */
  download(
    project: LoadedProject,
    plan: ReleasePlan,
    onEvent?: (target: string, event: DownloadEvent) => void,
    options?: { readonly concurrency?: number | undefined },
  ): Promise<ReadonlyMap<string, DownloadResult>>;
  /** Every installer of the plan, with its per-architecture digests. */
  installer(
    plan: ReleasePlan,
    onBuilding?: (elapsedMs: number) => void,
  ): Promise<readonly ResolvedInstaller[]>;
  manifest(
    plan: ReleasePlan,
    downloads: ReadonlyMap<string, DownloadResult>,
    installers: readonly ResolvedInstaller[],
  ): ReleaseManifest;
  /** Commits the release: all of it, or nothing. */
  write(
    project: LoadedProject,
    plan: ReleasePlan,
    manifest: ReleaseManifest,
  ): Promise<WrittenRelease>;
  close(): Promise<void>;
}

export function openReleaseSession(
  request: ReleaseRequest,
  deps: SessionDependencies,
): ReleaseSession {
  const { factory, signal, http } = deps;
  const now = deps.now ?? (() => new Date());
  // The provenance's run metadata: one invocation per session, started when it opened.
  const startedOn = now();
  const invocationId = randomUUID();
  let lock: RepositoryLock | undefined;
  return {
    request,
    factoryUrl: factory.baseUrl,
    load: (channel = request.channel) => loadProject({ ...request, channel }),
    versions: () => factory.listVersions(),
    resolveVersion: (selector, versions) => resolveVersionSelector(selector, [...versions]),
    catalogue: (talosVersion) => factory.listExtensions(talosVersion),
    defaults: (project, talosVersion) => releaseDefaults(project, talosVersion),
    answers: (project, talosVersion, chosen) => answersFor(request, project, talosVersion, chosen),
    plan: async (project, answers, catalogue) => {
      // The version names a file: checked before any path is built from it.
      assertReleaseVersion(answers.releaseVersion);
      const state = await releaseState(project.root, releasePaths(answers, project.root, ''));
      return planRelease(answers, {
        project,
        targetSchematics: await loadTargetSchematics(project.root, answers.targets),
        catalogue,
        manifestExists: state === 'listed',
        unlistedManifest: state === 'unlisted',
      });
    },
    lock: async (project) => {
      if (lock) return [];
      lock = await acquireRepositoryLock(project.root, deps.lockedBy);
      // Held by this run now, so any temp file of ours in these directories is a dead run's.
      const removed = await removeStrayTempFiles([
        join(project.root, RELEASES_DIR),
        dirname(project.channelPath),
        dirname(project.schematicFile.path),
      ]);
      return [
        ...(lock.tookOver ? [lock.tookOver] : []),
        ...removed.map((path) => `removed ${path}, left half-written by an interrupted run`),
      ];
    },
    submit: async (plan) => {
      const answer = await submitSchematic(factory, plan);
      for (const other of plan.targetSchematics) {
        await submitSchematic(factory, { canonical: other.canonical, schematicId: other.id });
      }
      return answer;
    },
    sizes: (plan, screen) =>
      headSizes(plan.targets, {
        http,
        signal: screen && signal ? AbortSignal.any([signal, screen]) : (screen ?? signal),
      }),
    download: async (project, plan, onEvent, options) => {
      const existing = await readExistingManifest(plan.paths);
      return downloadTargets(plan.targets, {
        http,
        signal,
        concurrency: options?.concurrency ?? request.concurrency ?? DEFAULT_CONCURRENCY,
        previous: (target) => previousTargetRecord(project, target, existing),
        onEvent,
      });
    },
    installer: (plan, onBuilding) =>
      resolveInstallers(plan, {
        signal,
        http,
        requireDigest: plan.answers.requireDigest,
        onBuilding,
      }),
    manifest: (plan, downloads, installers) =>
      buildManifest(plan, {
        downloads,
        installers,
        generatedAt: now(),
        toolVersion: deps.toolVersion,
      }),
    write: (project, plan, manifest) =>
      writeRelease(project, plan, manifest, {
        toolVersion: deps.toolVersion,
        startedOn,
        finishedOn: now(),
        invocationId,
        signingKey: deps.signingKey,
      }),
    close: async () => {
      await lock?.release();
      lock = undefined;
    },
  };
}
