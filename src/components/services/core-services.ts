// The wizard's services: the React side of the one release session (core/pipeline/session.ts)
// that --yes runs straight through. Each screen's call is one session step; every call uses the
// run's one signal, and the session's lock is held until the command ends (finish).
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { UserInputError } from '../../core/errors.js';
import type { FactoryClient } from '../../core/factory/index.js';
import type { Http } from '../../core/http/index.js';
import { openReleaseSession } from '../../core/pipeline/index.js';
import type { SecretKey } from '../../core/signing/index.js';
import type {
  LoadedProject,
  ReleaseRequest,
  ReleaseSession,
  TargetRequest,
} from '../../core/pipeline/index.js';
import { readProjectFile, savePublish, saveTargets } from '../../core/project-file/index.js';
import type { ProjectTarget, PublishSettings } from '../../core/project-file/index.js';
import { classifyVersions, latestStable } from '../../core/versions/index.js';
import type { SessionDefaults } from '../state/steps.js';
import type { WizardServices } from './types.js';

export interface CoreServicesOptions {
  readonly request: ReleaseRequest;
  readonly client: FactoryClient;
  readonly signal: AbortSignal;
  /** The run's one HTTP layer (the one the client was made with). */
  readonly http: Http;
  readonly toolVersion: string;
  readonly now?: () => Date;
  readonly signingKey?: SecretKey | undefined;
  /** Where publishing finds Docker credentials (DOCKER_CONFIG, HOME); default: none set. */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

export interface WizardRuntime {
  readonly services: WizardServices;
  /** Waits for work still running (a cancelled download closing its .part), then unlocks. */
  finish(): Promise<void>;
}

export function createCoreServices(options: CoreServicesOptions): WizardRuntime {
  const { request } = options;
  const session = openReleaseSession(request, {
    factory: options.client,
    signal: options.signal,
    http: options.http,
    now: options.now,
    toolVersion: options.toolVersion,
    lockedBy: 'talos-release (wizard)',
    signingKey: options.signingKey,
  });
  const running = new Set<Promise<unknown>>();
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
          const project = await session.load();
          const list = await session.versions();
          const recommended = latestStable(list);
          return {
            request,
            project,
            versions: classifyVersions(list),
            recommended,
            preselected: preselect(session, request.talosVersion, list) ?? recommended,
            defaults: sessionDefaults(session, project),
            publish: publishSettings(project.root),
          };
        })(),
      ),
    listExtensions: (talosVersion) => track(session.catalogue(talosVersion)),
    channelDefaults: (channel) =>
      track(
        (async () => {
          const project = await session.load(channel);
          return {
            channel,
            current: project.channel?.current.releaseVersion,
            defaults: sessionDefaults(session, project),
          };
        })(),
      ),
    plan: (choice) =>
      track(
        (async () => {
          const project = await session.load(choice.details.channel);
          const answers = session.answers(project, choice.talosVersion, {
            extensions: choice.extensions,
            targets: choice.targets,
            ...choice.details,
          });
          return { project, plan: await session.plan(project, answers, choice.catalogue) };
        })(),
      ),
    submit: (planned) =>
      track(
        (async () => {
          await session.lock(planned.project);
          await session.submit(planned.plan);
        })(),
      ),
    // Not tracked: a HEAD can wait minutes on a cold build, and leaving the screen aborts it.
    targetSizes: async (choice, targets, signal) => {
      const unknown = new Map(targets.map((t) => [t.name, undefined]));
      try {
        const project = await session.load();
        const answers = session.answers(project, choice.talosVersion, {
          extensions: choice.extensions,
          targets,
        });
        const plan = await session.plan(project, answers, undefined);
        return await session.sizes(plan, signal);
      } catch {
        // A choice the plan refuses (no ISO yet) has no URLs to ask: the sizes stay unknown.
        return unknown;
      }
    },
    saveTargets: (choice, targets) =>
      track(saveTargets(choice.session.project.root, targets.map(projectTarget))),
    download: (planned, onEvent) => track(session.download(planned.project, planned.plan, onEvent)),
    resolveInstaller: (downloaded, onBuilding) =>
      track(
        (async () => {
          const installers = await session.installer(downloaded.plan, onBuilding);
          const installer = installers[0];
          if (!installer) throw new Error('bug: a plan without an installer');
          return {
            installer,
            manifest: session.manifest(downloaded.plan, downloaded.downloads, installers),
          };
        })(),
      ),
    write: (ready) => track(session.write(ready.project, ready.plan, ready.manifest)),
    savePublish: (wizardSession, settings) =>
      track(savePublish(wizardSession.project.root, settings)),
    // The same two core calls as `talos-release publish`, over the run's one HTTP layer and signal.
    // Loaded on first use: a run that skips publishing never loads the registry client.
    publish: (ready, to, onEvent) =>
      track(
        (async () => {
          const { openPublishTarget, publishFromRepository } =
            await import('../../core/publish/index.js');
          // The rest of the publish block (CA, plain http on loopback, signature policy) is the
          // same talos-release.yaml that `talos-release publish` reads.
          const file = readProjectFile(ready.project.root)?.publish;
          const target = await openPublishTarget({
            http: options.http,
            to,
            insecure: file?.insecure === true,
            caPath:
              file?.registryCa === undefined
                ? undefined
                : resolve(ready.project.root, file.registryCa),
            env: options.env ?? {},
          });
          const { publication } = await publishFromRepository({
            root: ready.project.root,
            releaseVersion: ready.manifest.releaseVersion,
            target,
            http: options.http,
            requireSignature: file?.requireSignature === true,
            force: false,
            toolVersion: options.toolVersion,
            onEvent,
            signal: options.signal,
            ...(options.now ? { now: options.now } : {}),
          });
          return publication;
        })(),
      ),
    // The same core call as `talos-release bundle`, loaded on first use like publishing.
    bundle: (ready, out, onEvent) =>
      track(
        (async () => {
          const root = ready.project.root;
          // Checked here to give a hint in the wizard's words (the core's names --out and --force).
          if (await pathExists(out))
            throw new UserInputError(`${relative(root, out) || out} already exists`, {
              hint: 'Press esc, then e to bundle to another path, or remove it and retry with r.',
            });
          const { writeBundle } = await import('../../core/bundle/index.js');
          return writeBundle({
            root,
            releaseVersion: ready.manifest.releaseVersion,
            out,
            http: options.http,
            force: false,
            requireSignature: readProjectFile(root)?.publish?.requireSignature === true,
            onEvent,
            signal: options.signal,
          });
        })(),
      ),
  };
  return {
    services,
    finish: async () => {
      await Promise.allSettled([...running]);
      await session.close();
    },
  };
}

function sessionDefaults(session: ReleaseSession, project: LoadedProject): SessionDefaults {
  const { releaseVersion, appVersion, valuesProfile } = session.defaults(project);
  return { releaseVersion, appVersion, valuesProfile };
}

/** `publish:` from talos-release.yaml; the file was checked when the command read its flags. */
function publishSettings(root: string): PublishSettings {
  const publish = readProjectFile(root)?.publish;
  return { to: publish?.to, skip: publish?.skip === true };
}

/** The --talos-version flag as a pre-selection; a selector that matches nothing selects nothing. */
function preselect(
  session: ReleaseSession,
  selector: string | undefined,
  list: readonly string[],
): string | undefined {
  if (selector === undefined) return undefined;
  try {
    return session.resolveVersion(selector, list);
  } catch {
    return undefined;
  }
}

/** As talos-release.yaml spells a target: the bare name unless it names its own schematic. */
function projectTarget(target: TargetRequest): ProjectTarget {
  return target.schematic === undefined
    ? target.name
    : { name: target.name, schematic: target.schematic };
}

async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
