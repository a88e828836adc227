// What the operator sees of the bundle: the offer on Done, the progress rows while it runs, the
// path and size at the end, and the failure and cancel screens (the release stays written).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiskError, UserInputError } from '../../src/core/errors.js';
import type { BundleResult } from '../../src/core/bundle/index.js';
import type { WrittenRelease } from '../../src/core/pipeline/write-release.js';
import type { PublishEvent } from '../../src/core/publish/index.js';
import { ServicesProvider } from '../../src/components/services/context.js';
import type { WizardServices } from '../../src/components/services/types.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import { wizardReducer } from '../../src/components/state/reducer.js';
import type { ReadyRelease } from '../../src/components/state/steps.js';
import { BundleStep } from '../../src/components/steps/bundle/bundle-step.js';
import { DoneStep } from '../../src/components/steps/done-step.js';
import { FailedStep } from '../../src/components/steps/failed-step.js';
import { CancelledView, FinishedView } from '../../src/components/steps/final-views.js';
import { offlineServices, requestFor } from '../e2e/helpers/wizard-fixtures.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';
import { DIGEST, publicationOf, readyRelease } from './publish-fixtures.js';

const MIB = 1024 * 1024;
let ink: InkHarness | undefined;
afterEach(() => ink?.unmount());
let ready: ReadyRelease;
let written: WrittenRelease;
beforeAll(async () => {
  ready = await readyRelease();
  written = {
    manifestPath: join(ready.project.root, 'releases/1.0.0.json'),
    channelPath: join(ready.project.root, 'releases/channels/stable.json'),
    schematicPath: undefined,
  } as unknown as WrittenRelease;
});

function fits80x24(frame: string): void {
  expect(frame.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
  for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
}

describe('the Done screen offers a bundle', () => {
  it('shows the release, the published references and the bundle path; b bundles there', async () => {
    const actions: WizardAction[] = [];
    ink = renderInk(
      createElement(DoneStep, {
        ready,
        written,
        published: publicationOf(ready),
        isActive: true,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    );
    const frame = await ink.waitForText('Bundle for an air-gapped site?');
    expect(frame).toContain('✔ Release 1.0.0 is current on stable.');
    expect(frame).toContain('✔ Published to registry.example.com/appliance');
    expect(frame).toContain('Bundle path bundles/talos-release-1.0.0.tar');
    expect(frame).toContain('b bundle for an air-gapped site  e edit path  enter finish');
    // The references are printed once the wizard ends, not while it still asks.
    expect(frame).not.toContain('follow below');
    fits80x24(frame);
    ink.write('b');
    expect(await pollUntil(() => actions[0], 'the bundle action')).toEqual({
      type: 'bundle',
      out: join(ready.project.root, 'bundles/talos-release-1.0.0.tar'),
    });
  });

  it('e edits the path in place; Enter keeps the edit, and a second Enter finishes', async () => {
    const actions: WizardAction[] = [];
    ink = renderInk(
      createElement(DoneStep, {
        ready,
        written,
        isActive: true,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    );
    await ink.waitForText('Bundle path');
    await ink.press('e');
    const editing = await ink.waitForText('tar▏');
    expect(editing).toContain('type bundle path  enter use it  esc undo');
    for (let i = 0; i < 4; i += 1) await ink.press(KEY.backspace);
    await ink.type('-usb');
    await ink.press(KEY.enter);
    const kept = await ink.waitForText('enter finish');
    expect(kept).toContain('Bundle path bundles/talos-release-1.0.0-usb');
    expect(kept).not.toContain('▏');
    ink.write(KEY.enter);
    expect(await pollUntil(() => actions[0], 'the finish action')).toEqual({ type: 'finish' });
  });
});

describe('bundling', () => {
  it('runs the bundle through the services with rows like the publish screen', async () => {
    const actions: WizardAction[] = [];
    const out = join(ready.project.root, 'bundles/talos-release-1.0.0.tar');
    let finish: (() => void) | undefined;
    const result: BundleResult = { path: out, kind: 'tar', bytes: 7 * MIB, images: ['a', 'b'] };
    const repository = 'metal-installer';
    const services = {
      bundle: (_: ReadyRelease, to: string, onEvent: (event: PublishEvent) => void) => {
        expect(to).toBe(out);
        onEvent({
          type: 'signature',
          image: 'factory.talos.dev/metal-installer',
          status: 'verified',
        });
        const copy = (event: Extract<PublishEvent, { type: 'copy' }>['event']): PublishEvent => ({
          type: 'copy',
          repository,
          label: undefined,
          event,
        });
        onEvent(
          copy({
            type: 'blob-start',
            repository,
            descriptor: { mediaType: 'x', digest: DIGEST('0a'), size: 4 * MIB },
          }),
        );
        onEvent(copy({ type: 'blob-done', digest: DIGEST('0a'), how: 'uploaded' }));
        return new Promise((resolve) => {
          finish = () => resolve(result);
        });
      },
    } as unknown as WizardServices;
    ink = renderInk(
      createElement(
        ServicesProvider,
        { value: services },
        createElement(BundleStep, {
          ready,
          out,
          dispatch: (action: WizardAction) => actions.push(action),
        }),
      ),
    );
    const frame = await ink.waitForText('metal-installer 0a0a0a0a0a0a');
    expect(frame).toContain('Bundling 1.0.0 for an air-gapped site');
    expect(frame).toContain('into bundles/talos-release-1.0.0.tar');
    expect(frame).toContain('✔ signature verified: factory.talos.dev/metal-installer');
    expect(frame).toMatch(/metal-installer 0a0a0a0a0a0a.*fetched\s+4\.0 MiB/);
    expect(frame).toContain('1/1 blob · 4.0 MiB fetched · 0 present');
    expect(frame).not.toContain('uploaded');
    expect(frame).toContain('^C cancel');
    fits80x24(frame);
    finish?.();
    expect(await pollUntil(() => actions[0], 'the bundled action')).toEqual({
      type: 'bundled',
      result,
    });
  });

  it('the end shows where the bundle is and its size', async () => {
    const bundled: BundleResult = {
      path: join(ready.project.root, 'bundles/talos-release-1.0.0.tar'),
      kind: 'tar',
      bytes: 7 * MIB + 512 * 1024,
      images: ['a', 'b'],
    };
    ink = renderInk(createElement(FinishedView, { ready, written, bundled }));
    const frame = await ink.waitForText('Bundled for an air-gapped site');
    expect(frame).toContain('✔ Release 1.0.0 is current on stable.');
    expect(frame).toContain('  bundles/talos-release-1.0.0.tar (7.5 MiB, 2 images)');
    expect(frame).toContain('The installer reference and the next command follow below.');
    fits80x24(frame);
  });

  it('a failure shows the message, the hint, that the release is written, and Esc back', async () => {
    const out = join(ready.project.root, 'bundles/talos-release-1.0.0.tar');
    const state = wizardReducer(
      { step: { kind: 'bundling', ready, written, out }, help: false, finished: [] },
      {
        type: 'failed',
        error: new DiskError(`no space left on the device for ${out}.partial`, {
          hint: 'Free some space, or press esc and bundle to another disk.',
        }),
      },
    );
    if (state.step.kind !== 'failed') throw new Error('expected the failed step');
    ink = renderInk(
      createElement(FailedStep, {
        error: state.step.error,
        canGoBack: state.step.back !== undefined,
        isActive: true,
        dispatch: () => undefined,
      }),
    );
    const frame = await ink.waitForText('bundle it later');
    expect(frame).toContain('✗ no space left on the device');
    expect(frame).toContain('Free some space');
    expect(frame.replace(/\s+/g, ' ')).toContain(
      `The release is written; bundle it later with talos-release bundle 1.0.0 --out ${out}`,
    );
    expect(frame).toContain('r retry  esc back  q quit');
  });

  it('a cancelled bundle says the release is written and how to bundle it later', async () => {
    ink = renderInk(
      createElement(CancelledView, {
        partialDownload: undefined,
        writtenRelease: '1.0.0',
        bundleOut: '/r/bundles/talos-release-1.0.0.tar',
      }),
    );
    const frame = (await ink.waitForText('Bundling cancelled.')).replace(/\s+/g, ' ');
    expect(frame).toContain(
      'The release is written; bundle it later with talos-release bundle 1.0.0 --out /r/bundles/talos-release-1.0.0.tar',
    );
    expect(frame).not.toContain('Nothing was written');
  });

  it('the services refuse a bundle path that exists, with a hint in the wizard’s keys', async () => {
    const services = offlineServices(requestFor(ready.project.root));
    const out = join(ready.project.root, 'bundles/taken.tar');
    await mkdir(join(ready.project.root, 'bundles'), { recursive: true });
    await writeFile(out, 'someone else’s file');
    const refused = services.bundle(ready, out, () => undefined);
    await expect(refused).rejects.toBeInstanceOf(UserInputError);
    await expect(refused).rejects.toMatchObject({
      message: 'bundles/taken.tar already exists',
      hint: expect.stringContaining('Press esc, then e') as unknown,
    });
  });
});
