import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, NetworkError, SchematicError } from '../../src/core/errors.js';
import type { DownloadResult } from '../../src/core/download/index.js';
import { defaultKubernetesVersion } from '../../src/core/kubernetes/index.js';
import { buildManifest } from '../../src/core/pipeline/build-manifest.js';
import type { InstallerResolution } from '../../src/core/pipeline/artifacts.js';
import type { WrittenRelease } from '../../src/core/pipeline/write-release.js';
import { INITIAL_STATE, wizardReducer } from '../../src/components/state/reducer.js';
import type { WizardState } from '../../src/components/state/reducer.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import type {
  PlannedRelease,
  ReadyRelease,
  WizardSession,
  WizardStep,
} from '../../src/components/state/steps.js';
import {
  DETAILS,
  TALOS,
  catalogue,
  plannedFor,
  requestFor,
  sessionFor,
  tempRoot,
} from '../e2e/helpers/wizard-fixtures.js';

let session: WizardSession;
let planned: PlannedRelease;
let blocked: PlannedRelease;
let ready: ReadyRelease;
const iso: DownloadResult = {
  path: '/tmp/x.iso',
  sha256: 'ab'.repeat(32),
  size: 4096,
  servedBy: '127.0.0.1:1234',
  resumed: true,
  reused: false,
  retries: 2,
};
const installer: InstallerResolution = {
  digest: `sha256:${'cd'.repeat(32)}`,
  pinned: `example/installer:v1@sha256:${'cd'.repeat(32)}`,
  reason: undefined,
};

let downloads: ReadonlyMap<string, DownloadResult>;
const THREE_TARGETS = [
  { name: 'metal-amd64.iso' },
  { name: 'nocloud-amd64.iso' },
  { name: 'metal-arm64.iso' },
];

beforeAll(async () => {
  const request = requestFor(await tempRoot());
  session = await sessionFor(request);
  planned = await plannedFor(request);
  blocked = await plannedFor(request, { details: { kubernetesVersion: '1.20.0' } });
  const manifest = buildManifest(planned.plan, {
    iso,
    installer,
    generatedAt: new Date('2026-01-01T00:00:00Z'),
    toolVersion: '0.0.0',
  });
  downloads = new Map([[planned.plan.targets[0]?.name ?? '', iso]]);
  ready = { ...planned, iso, downloads, installer, manifest };
});

function run(actions: readonly WizardAction[], from: WizardState = INITIAL_STATE): WizardState {
  return actions.reduce(wizardReducer, from);
}

function at(step: WizardStep): WizardState {
  return { step, help: false, finished: [] };
}

const written = { manifestPath: '/r/releases/1.0.0.json' } as unknown as WrittenRelease;

describe('wizardReducer: forward through a release', () => {
  it('opens the version list on the pre-selected version once the start step has loaded', () => {
    const state = run([{ type: 'started', session }]);
    expect(state.step).toMatchObject({ kind: 'choose-version', highlighted: session.recommended });
    expect(state.finished[0]?.text).toContain('Loaded schematics/metal-amd64.yaml (5 extensions)');
  });

  it("loads the chosen version's catalogue, then ticks the schematic's extensions", async () => {
    const state = run([
      { type: 'started', session },
      { type: 'version-chosen', talosVersion: TALOS },
      { type: 'extensions-loaded', catalogue: await catalogue() },
    ]);
    expect(state.step.kind).toBe('choose-extensions');
    if (state.step.kind !== 'choose-extensions') return;
    expect(state.step.choice.talosVersion).toBe(TALOS);
    expect(state.step.selected).toEqual([
      'siderolabs/amd-ucode',
      'siderolabs/intel-ucode',
      'siderolabs/iscsi-tools',
      'siderolabs/qemu-guest-agent',
      'siderolabs/util-linux-tools',
    ]);
  });

  it("pre-fills the details from the flags and the version's Kubernetes default", async () => {
    const request = { ...session.request, appVersion: '9.9.9', releaseVersion: '3.0.0' };
    const state = run([
      { type: 'started', session: { ...session, request } },
      { type: 'version-chosen', talosVersion: TALOS },
      { type: 'extensions-loaded', catalogue: await catalogue() },
      { type: 'extensions-chosen', extensions: ['siderolabs/zfs', 'siderolabs/amd-ucode'] },
      { type: 'targets-chosen', targets: THREE_TARGETS },
    ]);
    expect(state.step).toMatchObject({
      kind: 'details',
      choice: { extensions: ['siderolabs/amd-ucode', 'siderolabs/zfs'], targets: THREE_TARGETS },
      initial: { appVersion: '9.9.9', releaseVersion: '3.0.0', kubernetesVersion: '1.35.4' },
    });
  });

  it('plans, previews, submits, downloads, resolves the installer, confirms and writes', () => {
    const details = run(
      [{ type: 'details-entered', details: DETAILS }],
      at({ kind: 'details', choice: planned.choice, initial: DETAILS }),
    );
    expect(details.step.kind).toBe('planning');
    const states = [
      run([{ type: 'planned', project: planned.project, plan: planned.plan }], details),
    ];
    const steps: WizardAction[] = [
      { type: 'preview-accepted' },
      { type: 'submitted' },
      { type: 'downloaded', downloads },
      { type: 'installer-resolved', installer, manifest: ready.manifest },
      { type: 'write-confirmed' },
      { type: 'publish-chosen', to: undefined },
      { type: 'written', written },
    ];
    for (const action of steps)
      states.push(wizardReducer(states[states.length - 1] as WizardState, action));
    expect(states.map((state) => state.step.kind)).toEqual([
      'preview',
      'submitting',
      'downloading',
      'resolving-installer',
      'confirm',
      'choose-publish',
      'writing',
      'done',
    ]);
    const lines = states[states.length - 1]?.finished.map((line) => line.text) ?? [];
    expect(lines[0]).toContain(`factory's ID matches ${planned.plan.schematicId}`);
    expect(lines[1]).toContain('4.0 KiB, from 127.0.0.1:1234, resumed, 2 retries');
    expect(lines[2]).toContain(`Installer pinned: ${installer.pinned}`);
  });

  it('records a missing installer digest as a warning line', () => {
    const state = run(
      [
        {
          type: 'installer-resolved',
          installer: { digest: undefined, pinned: undefined, reason: 'registry refused' },
          manifest: ready.manifest,
        },
      ],
      at({ kind: 'resolving-installer', downloaded: { ...planned, iso, downloads } }),
    );
    expect(state.finished[0]).toMatchObject({ tone: 'warning' });
    expect(state.finished[0]?.text).toContain('registry refused');
  });

  it('leaves without writing when the operator declines', () => {
    const state = run([{ type: 'write-declined' }], at({ kind: 'confirm', ready }));
    expect(state.step.kind).toBe('left');
  });

  it('will not submit a plan that has problems', () => {
    expect(blocked.plan.problems.length).toBeGreaterThan(0);
    const state = run([{ type: 'preview-accepted' }], at({ kind: 'preview', planned: blocked }));
    expect(state.step.kind).toBe('preview');
  });

  it('ignores a result that arrives for a step the wizard has left', () => {
    const preview = at({ kind: 'preview', planned });
    expect(
      run(
        [{ type: 'submitted' }, { type: 'downloaded', downloads }, { type: 'written', written }],
        preview,
      ),
    ).toBe(preview);
  });
});

describe('wizardReducer: going back', () => {
  it('goes from extensions to versions keeping the ticked extensions and the version', async () => {
    const state = run([
      { type: 'started', session },
      { type: 'version-chosen', talosVersion: 'v1.11.2' },
      { type: 'extensions-loaded', catalogue: await catalogue('v1.11.2') },
      { type: 'back', extensions: ['siderolabs/zfs'] },
    ]);
    expect(state.step).toMatchObject({
      kind: 'choose-version',
      highlighted: 'v1.11.2',
      kept: { extensions: ['siderolabs/zfs'] },
    });
    const again = run(
      [
        { type: 'version-chosen', talosVersion: TALOS },
        { type: 'extensions-loaded', catalogue: await catalogue() },
      ],
      state,
    );
    expect(again.step).toMatchObject({ kind: 'choose-extensions', selected: ['siderolabs/zfs'] });
  });

  it('goes from details to targets to extensions and back, keeping what was typed and picked', () => {
    const typed = { ...DETAILS, appVersion: '7.7.7' };
    const details = at({
      kind: 'details',
      choice: { ...planned.choice, targets: THREE_TARGETS },
      initial: DETAILS,
    });
    const targets = run([{ type: 'back', details: typed }], details);
    expect(targets.step).toMatchObject({ kind: 'choose-targets', selected: THREE_TARGETS });
    const picked = [...THREE_TARGETS].reverse();
    const back = run([{ type: 'back', targets: picked }], targets);
    expect(back.step).toMatchObject({
      kind: 'choose-extensions',
      selected: planned.choice.extensions,
    });
    const again = run(
      [{ type: 'extensions-chosen', extensions: [...planned.choice.extensions] }],
      back,
    );
    expect(again.step).toMatchObject({ kind: 'choose-targets', selected: picked });
    const forward = run([{ type: 'targets-chosen', targets: picked }], again);
    expect(forward.step).toMatchObject({
      kind: 'details',
      choice: { targets: picked },
      initial: { appVersion: '7.7.7' },
    });
  });

  it("opens the targets with the flags' or the file's, else the one ISO of --platform and --arch", () => {
    const open = (request: typeof session.request) =>
      run(
        [{ type: 'extensions-chosen', extensions: [] }],
        at({
          kind: 'choose-extensions',
          choice: { session: { ...session, request }, talosVersion: TALOS },
          catalogue: [],
          selected: [],
          kept: { talosVersion: undefined, extensions: undefined, details: undefined },
        }),
      ).step;
    expect(open({ ...session.request, targets: THREE_TARGETS })).toMatchObject({
      kind: 'choose-targets',
      selected: THREE_TARGETS,
    });
    expect(
      open({ ...session.request, targets: undefined, arch: 'arm64', secureboot: true }),
    ).toMatchObject({ selected: [{ name: 'metal-arm64-secureboot.iso' }] });
  });

  it('does not go on with no target picked', () => {
    const targets = at({
      kind: 'choose-targets',
      choice: planned.choice,
      selected: THREE_TARGETS,
      kept: { talosVersion: undefined, extensions: undefined, details: undefined },
    });
    expect(run([{ type: 'targets-chosen', targets: [] }], targets)).toBe(targets);
  });

  it('follows a new Talos version with its Kubernetes default, keeping the other details', () => {
    expect(defaultKubernetesVersion('v1.11.2')).not.toBe(DETAILS.kubernetesVersion);
    const back = run(
      [{ type: 'back', details: { ...DETAILS, appVersion: '7.7.7' } }],
      at({ kind: 'details', choice: planned.choice, initial: DETAILS }),
    );
    const versions = run([{ type: 'back' }, { type: 'back' }], back);
    expect(versions.step.kind).toBe('choose-version');
    const forward = run(
      [
        { type: 'version-chosen', talosVersion: 'v1.11.2' },
        { type: 'extensions-loaded', catalogue: [] },
        { type: 'extensions-chosen', extensions: [] },
        { type: 'targets-chosen', targets: THREE_TARGETS },
      ],
      versions,
    );
    expect(forward.step).toMatchObject({
      kind: 'details',
      initial: { appVersion: '7.7.7', kubernetesVersion: defaultKubernetesVersion('v1.11.2') },
    });
  });

  it('goes from the preview to the details with the answers given', () => {
    const state = run([{ type: 'back' }], at({ kind: 'preview', planned }));
    expect(state.step).toMatchObject({ kind: 'details', initial: planned.choice.details });
  });

  it('does not go back from screens where that is not safe', () => {
    for (const step of [
      { kind: 'downloading', planned },
      { kind: 'confirm', ready },
      { kind: 'starting' },
    ] as const) {
      const state = at(step);
      expect(run([{ type: 'back' }], state)).toBe(state);
    }
  });
});

describe('wizardReducer: errors, retry, quit, cancel and help', () => {
  it('shows a failure and retries the step that failed with r', () => {
    const downloading = at({ kind: 'downloading', planned });
    const failed = run(
      [{ type: 'failed', error: new NetworkError('connection reset', { hint: 'try later' }) }],
      downloading,
    );
    expect(failed.step).toMatchObject({
      kind: 'failed',
      error: { message: 'connection reset', hint: 'try later', exitCode: 4 },
    });
    expect(run([{ type: 'retry' }], failed).step).toBe(downloading.step);
  });

  it('goes back from a failed download to the preview, and from a failed write to confirm', () => {
    const fromDownload = run(
      [{ type: 'failed', error: new NetworkError('x') }, { type: 'back' }],
      at({ kind: 'downloading', planned }),
    );
    expect(fromDownload.step).toMatchObject({ kind: 'preview', planned });
    const fromWrite = run(
      [{ type: 'failed', error: new NetworkError('x') }, { type: 'back' }],
      at({ kind: 'writing', ready, publishTo: undefined }),
    );
    expect(fromWrite.step).toMatchObject({ kind: 'confirm', ready });
  });

  it('offers no way back from a schematic error at the start, only retry and quit with its exit code', () => {
    const error = new SchematicError('unknown field "foo"', {
      location: { file: 's.yaml', line: 3, column: 5 },
      hint: 'remove it',
    });
    const failed = run([{ type: 'failed', error }]);
    expect(failed.step).toMatchObject({
      kind: 'failed',
      back: undefined,
      error: { message: 's.yaml:3:5: unknown field "foo"' },
    });
    expect(run([{ type: 'back' }], failed)).toBe(failed);
    expect(run([{ type: 'quit' }], failed).step).toMatchObject({
      kind: 'quit',
      error: { exitCode: 2 },
    });
  });

  it('treats a cancellation error as a cancel and remembers the partial download', () => {
    const state = run(
      [{ type: 'failed', error: new CancelledError() }],
      at({ kind: 'downloading', planned }),
    );
    expect(state.step).toEqual({
      kind: 'cancelled',
      partialDownload: `${planned.plan.paths.isoRelative}.part`,
    });
  });

  it('cancels from any live step, but not while the release is being written or after the end', () => {
    expect(run([{ type: 'cancel' }], at({ kind: 'preview', planned })).step).toEqual({
      kind: 'cancelled',
      partialDownload: undefined,
    });
    // Nothing runs on Done: Ctrl-C there ends the wizard as Enter does (exit 0, the epilogue).
    const done = at({ kind: 'done', ready, written });
    expect(run([{ type: 'cancel' }], done).step).toMatchObject({ kind: 'finished', written });
    const finished = at({ kind: 'finished', ready, written });
    expect(run([{ type: 'cancel' }], finished)).toBe(finished);
    const writing = at({ kind: 'writing', ready, publishTo: undefined });
    expect(run([{ type: 'cancel' }], writing)).toBe(writing);
  });

  it('reports an unexpected error as a bug with exit code 1', () => {
    const state = run(
      [{ type: 'failed', error: new TypeError('boom') }],
      at({ kind: 'planning', choice: planned.choice }),
    );
    expect(state.step).toMatchObject({
      kind: 'failed',
      error: { message: 'unexpected: boom', exitCode: 1 },
    });
  });

  it('toggles the help over a live step and closes it when the step changes', () => {
    const help = run([{ type: 'toggle-help' }], at({ kind: 'preview', planned }));
    expect(help.help).toBe(true);
    expect(run([{ type: 'toggle-help' }], help).help).toBe(false);
    expect(run([{ type: 'back' }], help).help).toBe(false);
  });
});
