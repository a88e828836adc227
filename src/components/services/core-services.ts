// The wizard's services over the real pipeline: the same core calls runRelease makes for --yes,
// one screen at a time. Every call uses the run's one signal; the repository lock is taken at
// submit and held until the command ends (finish), whatever happens in between.
import type { FactoryClient } from '../../core/factory/index.js';
import { acquireRepositoryLock } from '../../core/fs/lock.js';
import type { RepositoryLock } from '../../core/fs/lock.js';
import { downloadIso, previousIsoRecord, resolveInstaller } from '../../core/pipeline/artifacts.js';
import { buildManifest } from '../../core/pipeline/build-manifest.js';
import { releaseDefaults } from '../../core/pipeline/defaults.js';
import { planRelease, releasePaths } from '../../core/pipeline/plan.js';
import { loadProject } from '../../core/pipeline/project.js';
import type { LoadedProject } from '../../core/pipeline/project.js';
import type { ReleaseRequest } from '../../core/pipeline/request.js';
import { exists, writeRelease } from '../../core/pipeline/write-release.js';
import { submitSchematic } from '../../core/pipeline/submit.js';
import {
  classifyVersions,
  latestStable,
  resolveVersionSelector,
} from '../../core/versions/index.js';
import type { SessionDefaults } from '../state/steps.js';
import { releaseAnswers } from './release-answers.js';
import type { WizardServices } from './types.js';

export interface CoreServicesOptions {
  readonly request: ReleaseRequest;
  readonly client: FactoryClient;
  readonly signal: AbortSignal;
  readonly env: NodeJS.ProcessEnv;
  readonly toolVersion: string;
  readonly now?: () => Date;
}

export interface WizardRuntime {
  readonly services: WizardServices;
  /** Waits for work still running (a cancelled download closing its .part), then unlocks. */
  finish(): Promise<void>;
}

export function createCoreServices(options: CoreServicesOptions): WizardRuntime {
  const { request, client, signal, env } = options;
  const now = options.now ?? (() => new Date());
  const running = new Set<Promise<unknown>>();
  let lock: RepositoryLock | undefined;
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    const forget = (): void => {
      running.delete(work);
    };
    work.then(forget, forget);
    return work;
  };
  const services: WizardServices = {
    start: () =>
      track(
        (async () => {
          const project = await loadProject(request);
          const list = await client.listVersions();
          const recommended = latestStable(list);
          return {
            request,
            project,
            versions: classifyVersions(list),
            recommended,
            preselected: preselect(request.talosVersion, list) ?? recommended,
            defaults: sessionDefaults(project),
          };
        })(),
      ),
    listExtensions: (talosVersion) => track(client.listExtensions(talosVersion)),
    channelDefaults: (channel) =>
      track(
        (async () => {
          const project = await loadProject({ ...request, channel });
          return {
            channel,
            current: project.channel?.current.releaseVersion,
            defaults: sessionDefaults(project),
          };
        })(),
      ),
    plan: (choice) =>
      track(
        (async () => {
          const project = await loadProject({ ...request, channel: choice.details.channel });
          const inFile =
            project.schematicFile.schematic.customization.systemExtensions?.officialExtensions ??
            [];
          const answers = releaseAnswers(request, project.root, inFile, choice);
          const manifestExists = await exists(releasePaths(answers, project.root, '').manifest);
          const plan = planRelease(answers, {
            project,
            catalogue: choice.catalogue,
            manifestExists,
          });
          return { project, plan };
        })(),
      ),
    submit: (planned) =>
      track(
        (async () => {
          lock ??= await acquireRepositoryLock(planned.project.root, 'talos-release (wizard)');
          await submitSchematic(client, planned.plan);
        })(),
      ),
    download: (planned, onEvent) =>
      track(
        (async () =>
          downloadIso(
            planned.plan,
            await previousIsoRecord(planned.project, planned.plan, undefined),
            { signal, env, onEvent },
          ))(),
      ),
    resolveInstaller: (downloaded, onBuilding) =>
      track(
        (async () => {
          const installer = await resolveInstaller(downloaded.plan, {
            signal,
            env,
            requireDigest: downloaded.plan.answers.requireDigest,
            onBuilding,
          });
          const manifest = buildManifest(downloaded.plan, {
            iso: downloaded.iso,
            installer,
            generatedAt: now(),
            toolVersion: options.toolVersion,
          });
          return { installer, manifest };
        })(),
      ),
    write: (ready) => track(writeRelease(ready.project, ready.plan, ready.manifest)),
  };
  return {
    services,
    finish: async () => {
      await Promise.allSettled([...running]);
      await lock?.release();
      lock = undefined;
    },
  };
}

function sessionDefaults(project: LoadedProject): SessionDefaults {
  const { releaseVersion, appVersion, valuesProfile } = releaseDefaults(project);
  return { releaseVersion, appVersion, valuesProfile };
}

/** The --talos-version flag as a pre-selection; a selector that matches nothing selects nothing. */
function preselect(selector: string | undefined, list: readonly string[]): string | undefined {
  if (selector === undefined) return undefined;
  try {
    return resolveVersionSelector(selector, list);
  } catch {
    return undefined;
  }
}
