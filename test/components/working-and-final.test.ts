import { createElement } from 'react';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadResult } from '../../src/core/download/index.js';
import { buildManifest } from '../../src/core/pipeline/build-manifest.js';
import type { WrittenRelease } from '../../src/core/pipeline/write-release.js';
import { ServicesProvider } from '../../src/components/services/context.js';
import type { WizardServices } from '../../src/components/services/types.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { ReadyRelease } from '../../src/components/state/steps.js';
import { CancelledView, DoneView, LeftView } from '../../src/components/steps/final-views.js';
import { StartStep } from '../../src/components/steps/start-step.js';
import {
  InstallerStep,
  SubmitStep,
  WritingStep,
} from '../../src/components/steps/working-steps.js';
import { plannedFor, requestFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let ready: ReadyRelease;
let ink: InkHarness | undefined;
afterEach(() => ink?.unmount());

beforeAll(async () => {
  const planned = await plannedFor(requestFor(await tempRoot()));
  const iso: DownloadResult = {
    path: planned.plan.paths.iso,
    sha256: '9c'.repeat(32),
    size: 1024,
    servedBy: 'h:1',
    resumed: false,
    reused: false,
    retries: 0,
  };
  const installer = { digest: undefined, pinned: undefined, reason: 'no registry' };
  const manifest = buildManifest(planned.plan, {
    iso,
    installer,
    generatedAt: new Date('2026-03-04T05:06:07Z'),
    toolVersion: '0.0.0',
  });
  ready = {
    ...planned,
    iso,
    downloads: new Map([[planned.plan.targets[0]?.name ?? '', iso]]),
    installer,
    manifest,
  };
});

function withServices(services: Partial<WizardServices>, element: ReactElement): InkHarness {
  ink = renderInk(createElement(ServicesProvider, { value: services as WizardServices }, element));
  return ink;
}

describe('the working steps', () => {
  it('start: says what it loads, then hands the session on', async () => {
    const actions: WizardAction[] = [];
    let finish: (value: never) => void = () => undefined;
    const start = () => new Promise<never>((resolve) => (finish = resolve));
    const request = ready.choice.session.request;
    const screen = withServices(
      { start },
      createElement(StartStep, {
        request,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    );
    const frame = await screen.waitForText('Loading');
    expect(frame).toContain(`Loading ${request.schematicPath} and the Talos versions`);
    finish(ready.choice.session as never);
    expect(await pollUntil(() => actions[0], 'started')).toEqual({
      type: 'started',
      session: ready.choice.session,
    });
  });

  it('submit: names the factory, then reports success', async () => {
    const actions: WizardAction[] = [];
    let finish: () => void = () => undefined;
    const screen = withServices(
      { submit: () => new Promise<void>((resolve) => (finish = resolve)) },
      createElement(SubmitStep, {
        planned: ready,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    );
    expect(await screen.waitForText('Submitting')).toContain(ready.plan.answers.factoryUrl);
    finish();
    expect(await pollUntil(() => actions[0], 'submitted')).toEqual({ type: 'submitted' });
  });

  it('installer: shows the build time while the factory builds it', async () => {
    let building: (elapsedMs: number) => void = () => undefined;
    const screen = withServices(
      {
        resolveInstaller: (_downloaded, onBuilding) => {
          building = onBuilding;
          return new Promise(() => undefined);
        },
      },
      createElement(InstallerStep, { downloaded: ready, dispatch: () => undefined }),
    );
    await screen.waitForText('Resolving');
    building(75_000);
    expect(await screen.waitForText('Building installer…')).toContain('1m15s');
  });

  it('writing: reports a failure as an action, never as a throw', async () => {
    const actions: WizardAction[] = [];
    const error = new Error('EACCES');
    withServices(
      { write: () => Promise.reject(error) },
      createElement(WritingStep, {
        ready,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    );
    expect(await pollUntil(() => actions[0], 'failed')).toEqual({ type: 'failed', error });
  });
});

describe('the screens the wizard ends on', () => {
  it('done: the paths written and the full hash', async () => {
    const root = ready.project.root;
    const written = {
      manifestPath: `${root}/releases/1.0.0.json`,
      channelPath: `${root}/releases/channels/stable.json`,
      schematicPath: undefined,
    } as unknown as WrittenRelease;
    ink = renderInk(createElement(DoneView, { ready, written }));
    const frame = await ink.waitForText('is current on stable');
    expect(frame).toContain('releases/1.0.0.json');
    expect(frame).toContain('releases/channels/stable.json');
    expect(frame).toContain(ready.plan.paths.isoRelative);
    expect(frame).toContain(ready.iso.sha256);
  });

  it('left: nothing written, and where the ISO is', async () => {
    ink = renderInk(createElement(LeftView, { downloaded: ready }));
    const frame = await ink.waitForText('Nothing was written');
    expect(frame.replace(/\s+/g, ' ')).toContain(ready.plan.paths.isoRelative);
  });

  it('cancelled: nothing written, and the partial download kept', async () => {
    ink = renderInk(createElement(CancelledView, { partialDownload: 'artifacts/x.iso.part' }));
    const frame = await ink.waitForText('Cancelled');
    expect(frame).toContain('The partial download stays at artifacts/x.iso.part');
  });
});
