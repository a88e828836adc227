// Real data for screen tests: the repository's schematic in a temp root, the stand-in's catalogue
// copy, and the real core planning over them. Only the network is replaced.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtensionInfo } from '../../../src/core/catalogue/index.js';
import type { FactoryClient } from '../../../src/core/factory/index.js';
import { createCoreServices } from '../../../src/components/services/core-services.js';
import type { WizardServices } from '../../../src/components/services/types.js';
import type { ReleaseRequest } from '../../../src/core/pipeline/request.js';
import type {
  DetailsChoice,
  PlannedRelease,
  ReleaseDetails,
  WizardSession,
} from '../../../src/components/state/steps.js';
import { initialTargets } from '../../../src/components/state/initial-answers.js';
import type { TargetRequest } from '../../../src/core/pipeline/targets-plan.js';
import { makeRepo } from './repo.js';
import type { TempRepo } from './repo.js';
import { testHttp } from '../../core/http/test-http.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const CATALOG = join(REPO, 'src/standin/catalog');
export const TALOS = 'v1.12.11';
const NOTHING_KEPT = { talosVersion: undefined, extensions: undefined, details: undefined };

const createdRepos: TempRepo[] = [];

/** A repository root holding the project's schematic, as every e2e test starts from. */
export async function tempRoot(): Promise<string> {
  const repo = await makeRepo();
  createdRepos.push(repo);
  return repo.root;
}

/** Removes every root this test file created (ISOs included). */
export async function removeTempRoots(): Promise<void> {
  await Promise.all(createdRepos.splice(0).map((repo) => repo.remove()));
}

export async function versionList(): Promise<string[]> {
  return JSON.parse(await readFile(join(CATALOG, 'versions.json'), 'utf8')) as string[];
}

export async function catalogue(version = TALOS): Promise<ExtensionInfo[]> {
  const file = join(CATALOG, 'extensions', `${version}.json`);
  return JSON.parse(await readFile(file, 'utf8')) as ExtensionInfo[];
}

/** A factory that answers the catalogue calls from the stand-in's files and nothing else. */
export function offlineFactory(): FactoryClient {
  const unexpected = (): never => {
    throw new Error('this screen test must not reach the factory for that');
  };
  return {
    baseUrl: 'http://127.0.0.1:9',
    listVersions: versionList,
    listBrokenVersions: async () => [],
    listExtensions: (version) => catalogue(version === TALOS ? TALOS : 'v1.13.9'),
    listOverlays: async () => [],
    createSchematic: unexpected,
    getSchematic: unexpected,
  };
}

/** The real services over the offline factory; tests override the calls that need a network. */
export function offlineServices(request: ReleaseRequest, overrides: Partial<WizardServices> = {}) {
  const runtime = createCoreServices({
    request,
    client: offlineFactory(),
    signal: new AbortController().signal,
    http: testHttp(),
    toolVersion: '0.0.0-test',
  });
  return { ...runtime.services, ...overrides };
}

export async function sessionFor(request: ReleaseRequest): Promise<WizardSession> {
  return offlineServices(request).start();
}

export const DETAILS: ReleaseDetails = {
  releaseVersion: '1.0.0',
  channel: 'stable',
  kubernetesVersion: '1.35.4',
  appVersion: '2.3.0',
  valuesProfile: 'default',
};

export async function plannedFor(
  request: ReleaseRequest,
  change: {
    extensions?: readonly string[];
    targets?: readonly TargetRequest[];
    details?: Partial<ReleaseDetails>;
  } = {},
): Promise<PlannedRelease> {
  const session = await sessionFor(request);
  const inFile =
    session.project.schematicFile.schematic.customization.systemExtensions?.officialExtensions ??
    [];
  const choice: DetailsChoice = {
    session,
    talosVersion: TALOS,
    catalogue: await catalogue(),
    extensions: change.extensions ?? [...inFile],
    targets: change.targets ?? initialTargets(session, NOTHING_KEPT),
    details: { ...DETAILS, ...change.details },
  };
  const { project, plan } = await offlineServices(request).plan(choice);
  return { choice, project, plan };
}

export { requestFor } from '../../fixtures/release-request.js';

/** A tmux pane (named keys) or an in-process terminal (raw key bytes). */
type WizardScreen = { waitForText(text: string, timeoutMs?: number): Promise<unknown> } & (
  { keys(...names: string[]): Promise<void> } | { press(keys: string): Promise<unknown> }
);

/**
 * The Publish step after Confirm. Without publish.to in talos-release.yaml it opens on Skip, so
 * one Enter skips it; waiting for the highlighted row checks that default on the way.
 */
export async function skipPublishing(screen: WizardScreen): Promise<void> {
  await screen.waitForText('› Skip publishing');
  if ('keys' in screen) await screen.keys('Enter');
  else await screen.press('\r');
}

/** The question the Done screen asks once the release is written (and published). */
export const BUNDLE_OFFER = 'Bundle for an air-gapped site?';

/** The Done screen offers a bundle; Enter declines it and ends the wizard. */
export async function finishOnDone(screen: WizardScreen): Promise<void> {
  await screen.waitForText(BUNDLE_OFFER);
  if ('keys' in screen) await screen.keys('Enter');
  else await screen.press('\r');
}
